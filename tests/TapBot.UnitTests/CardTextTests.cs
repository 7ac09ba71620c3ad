using System.Text.Json.Nodes;
using TapBot.Cards;
using TapBot.Domain.Passes;
using TapBot.Domain.People;
using TapBot.Domain.Status;

namespace TapBot.UnitTests;

public sealed class CardTextTests
{
    [Theory]
    [InlineData("[click](https://evil.example)", "\\[click\\](https:\u200D//evil.example)")]
    [InlineData("**bold** _it_", @"\*\*bold\*\* \_it\_")]
    [InlineData("- list", @"\- list")]
    [InlineData("Jean-Luc", "Jean-Luc")]
    [InlineData("line\nbreak", "line break")]
    [InlineData("<at>Megan</at>", "&lt;at>Megan&lt;/at>")]
    [InlineData("\n\n# heading", @"  \# heading")]
    [InlineData(" - item", @" \- item")]
    [InlineData("  1. first\n2) second", @"  1\. first 2) second")]
    [InlineData(@"\[x](y)", @"\\\[x\](y)")]
    [InlineData("see https://evil.example", "see https:\u200D//evil.example")]
    public void Escape_MakesMarkdownInert(string raw, string expected) => Assert.Equal(expected, CardText.Escape(raw));

    [Theory]
    [InlineData("\u202E")] // right-to-left override
    [InlineData("\u202B")] // right-to-left embedding
    [InlineData("\u2067")] // right-to-left isolate
    public void Escape_DropsBidiControls_SoANameCannotReorderTheTextAfterIt(string control) =>
        Assert.Equal("עִבְרִיתevil", CardText.Escape("עִבְרִית" + control + "evil"));

    [Fact]
    public void Escape_CutsLongText_BetweenCharacters_NotInsideAnEmoji()
    {
        var cut = CardText.Escape("a" + string.Concat(Enumerable.Repeat("👩‍💻", 100)));

        Assert.Equal("a" + string.Concat(Enumerable.Repeat("👩‍💻", 39)) + "…", cut);
    }

    [Theory]
    [InlineData("[x](https://evil.example) has no pass.", "\\[x\\](https:\u200D//evil.example) has no pass.")]
    [InlineData("<at>x</at> has no pass.", "&lt;at>x&lt;/at> has no pass.")]
    [InlineData("{{DATE(2017-02-14T06:08:39Z)}} and ${x}", "\u200D{\u200D{DATE(2017-02-14T06:08:39Z)}} and $\u200D{x}")]
    [InlineData("\n# x holds a role", @" \# x holds a role")]
    [InlineData(@"\[x](y)", @"\[x\](y)")]
    [InlineData(@"\\[x](y)", @"\\\[x\](y)")]
    [InlineData("Look again with **TAP status for adele_v@contoso.com**.", "Look again with **TAP status for adele_v@contoso.com**.")]
    public void Defuse_KeepsTapBotsEmphasis_ButNoLinkTagOrExpression(string raw, string expected) => Assert.Equal(expected, CardText.Defuse(raw));

    [Theory]
    [InlineData("[click](https://evil.example) **b** _i_ {{x}} <at> \u202E # - 1. \\")]
    [InlineData("  > quote")]
    public void Defuse_LeavesEscapedTextAsItIs(string raw)
    {
        var escaped = CardText.Escape(raw);

        Assert.Equal(escaped, CardText.Defuse(escaped));
    }

    [Fact]
    public void Refused_And_PickList_DefuseTheNamesTheyCarry()
    {
        var hostile = "[x](https://evil.example) \u202E{{DATE(2017-02-14T06:08:39Z)}}";
        var person = new Person(Guid.NewGuid().ToString(), "x@contoso.com", null, hostile, "Member", true);

        var refused = string.Join("", Strings(StatusCards.Refused($"{hostile} holds an administrator role.")["body"]));
        var pick = string.Join("", Strings(StatusCards.PickPerson(new PersonLookup.Ambiguous("x", [person]))["body"]));

        Assert.All([refused, pick], text =>
        {
            Assert.DoesNotContain("](", text.Replace(@"\]", ""));
            Assert.DoesNotContain("://", text);
            Assert.DoesNotContain("{{", text);
            Assert.DoesNotContain("\u202E", text);
        });
    }

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
