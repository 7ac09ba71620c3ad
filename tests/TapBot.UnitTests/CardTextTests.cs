using System.Text.Json.Nodes;
using TapBot.Cards;
using TapBot.Domain.Passes;
using TapBot.Domain.People;
using TapBot.Domain.Status;

namespace TapBot.UnitTests;

public sealed class CardTextTests
{
    [Theory]
    [InlineData("[click](https://evil.example)", @"\[click\](https://evil.example)")]
    [InlineData("**bold** _it_", @"\*\*bold\*\* \_it\_")]
    [InlineData("- list", @"\- list")]
    [InlineData("Jean-Luc", "Jean-Luc")]
    [InlineData("line\nbreak", "line break")]
    [InlineData("<at>Megan</at>", "&lt;at>Megan&lt;/at>")]
    public void Escape_MakesMarkdownInert(string raw, string expected) => Assert.Equal(expected, CardText.Escape(raw));

    [Fact]
    public void Escape_BreaksTemplateExpressions()
    {
        Assert.DoesNotContain("${", CardText.Escape("${secret}"));
        Assert.DoesNotContain("{{", CardText.Escape("{{DATE(2020-01-01T00:00:00Z)}}"));
    }

    [Fact]
    public void Escape_CutsLongText() => Assert.Equal(CardText.MaxEcho + 1, CardText.Escape(new string('x', 5000)).Length);

    [Fact]
    public void StatusCard_HostileDisplayName_StaysInsideAStringAndLinksNothing()
    {
        var person = new Person(Guid.NewGuid().ToString(), "x@contoso.com", null, "\"},{\"type\":\"Action.OpenUrl\",\"url\":\"https://evil\"} [x](https://evil)", "Member", true);
        var pass = new TemporaryAccessPass("p", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, 60, true, false, "Expired");

        var card = StatusCards.Found(new StatusOutcome.Found(person, pass, DateTimeOffset.UnixEpoch));

        Assert.DoesNotContain(Objects(card), o => o["type"]?.GetValue<string>() is "Action.OpenUrl");
        Assert.Null(card["actions"]);
        var text = string.Join("", Strings(card));
        Assert.Contains(@"\[x\]", text);
        Assert.DoesNotContain("[x](", text);
    }

    [Theory]
    [InlineData(10, "10 minutes")]
    [InlineData(60, "1 hour")]
    [InlineData(480, "8 hours")]
    [InlineData(90, "1 h 30 min")]
    [InlineData(1440, "1 day")]
    [InlineData(43200, "30 days")]
    public void Lifetime_InWords(int minutes, string words) => Assert.Equal(words, StatusCards.Lifetime(minutes));

    private static IEnumerable<JsonObject> Objects(JsonNode? node) => node switch
    {
        JsonObject o => o.Select(kv => kv.Value).SelectMany(Objects).Prepend(o),
        JsonArray a => a.SelectMany(Objects),
        _ => [],
    };

    private static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(kv => Strings(kv.Value)),
        JsonArray a => a.SelectMany(Strings),
        JsonValue v when v.TryGetValue<string>(out var s) => [s],
        _ => [],
    };
}
