using System.Text.Json.Nodes;

namespace TapBot.CardTests;

/// <summary>
/// Every golden card passes the official adaptivecards library at schema 1.5 plus TapBot's rules (validate-cards.mjs),
/// and the validator is shown to reject what it must.
/// </summary>
[Collection(GoldenFiles.Collection)]
public sealed class CardValidationTests
{
    private static readonly Lazy<IReadOnlyDictionary<string, IReadOnlyList<string>>> Golden = new(() => CardValidator.Run(Repository.GoldenFolder));

    public static TheoryData<string> GoldenCards() => new(GoldenFile.Names());

    [Theory]
    [MemberData(nameof(GoldenCards))]
    public void GoldenCard_IsValidAdaptiveCard15(string name)
    {
        Assert.True(Golden.Value.TryGetValue(name, out var problems), $"the validator did not report on {name}");
        Assert.True(problems.Count == 0, $"golden/{name}.json:\n  " + string.Join("\n  ", problems));
    }

    [Fact]
    public void Validator_RejectsBrokenCards_EachForItsReason()
    {
        var broken = new Dictionary<string, (JsonNode Card, string Expected)>
        {
            ["unknown-element"] = (Edit("issue-receipt", c => c["body"]![0]!["type"] = "TextBlok"), "UnknownElementType"),
            ["unknown-action"] = (Edit("issue-receipt", c => c["actions"]![0]!["type"] = "Action.Run"), "UnknownActionType"),
            ["newer-than-1-5"] = (Edit("help", c => c["body"]!.AsArray().Add(new JsonObject { ["type"] = "Carousel", ["pages"] = new JsonArray() })), "UnknownElementType"),
            ["unknown-property"] = (Edit("help", c => c["body"]![0]!["wrapp"] = true), "unknown property \"wrapp\""),
            ["invalid-value"] = (Edit("help", c => c["body"]![0]!["color"] = "Purple"), "InvalidPropertyValue"),
            ["required-without-error-message"] = (Edit("issue-form", c => Input(c, "reason").Remove("errorMessage")), "RequiredInputsShouldHaveErrorMessage"),
            ["duplicate-id"] = (Edit("issue-form", c => Input(c, "reason")["id"] = "lifetime"), "DuplicateId"),
            ["version-1-6"] = (Edit("help", c => c["version"] = "1.6"), "version is \"1.6\""),
            ["no-version"] = (Edit("help", c => c.Remove("version")), "version is undefined"),
            ["not-a-card"] = (Edit("help", c => c["type"] = "MessageCard"), "not \"AdaptiveCard\""),
            ["execute-without-verb"] = (Edit("issue-receipt", c => c["actions"]![0]!.AsObject().Remove("verb")), "$.actions[0]: Action.Execute without a verb"),
            ["execute-with-blank-verb"] = (Edit("revoke-confirm", c => c["actions"]![1]!["verb"] = " "), "$.actions[1]: Action.Execute without a verb"),
            ["select-action-without-verb"] = (Edit("help", c => c["selectAction"] = new JsonObject { ["type"] = "Action.Execute" }), "$.selectAction: Action.Execute without a verb"),
            ["refresh-without-verb"] = (Edit("help", c => c["refresh"] = new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute" } }),
                "$.refresh.action: Action.Execute without a verb"),
            ["show-card-without-verb"] = (Edit("help", c => c["actions"] = new JsonArray(new JsonObject
            {
                ["type"] = "Action.ShowCard", ["title"] = "More",
                ["card"] = new JsonObject { ["type"] = "AdaptiveCard", ["body"] = new JsonArray(), ["actions"] = new JsonArray(new JsonObject { ["type"] = "Action.Execute", ["title"] = "Go" }) },
            })), "$.actions[0].card.actions[0]: Action.Execute without a verb"),
            ["action-set-without-verb"] = (Edit("help", c => c["body"]!.AsArray().Add(new JsonObject
            {
                ["type"] = "ActionSet", ["actions"] = new JsonArray(new JsonObject { ["type"] = "Action.Execute", ["title"] = "Go" }),
            })), "Action.Execute without a verb"),
            ["30-kb"] = (Edit("help", c => c["body"]!.AsArray().Add(new JsonObject { ["type"] = "TextBlock", ["text"] = new string('x', 30 * 1024) })), "byte budget"),
        };

        var report = CardValidator.Run(broken.Select(b => (b.Key, b.Value.Card)));

        Assert.All(broken, b => Assert.Contains(report[b.Key], p => p.Contains(b.Value.Expected, StringComparison.Ordinal)));
    }

    [Fact]
    public void Validator_Accepts28KbMinusOneByte_AndRejects28Kb()
    {
        const int budget = 28 * 1024;
        var report = CardValidator.Run([("just-under", OfSize(budget - 1)), ("exactly", OfSize(budget))]);

        Assert.Empty(report["just-under"]);
        Assert.Equal([$"{budget} bytes, over the {budget}-byte budget"], report["exactly"]);
    }

    /// <summary>An ASCII card of exactly <paramref name="bytes"/> bytes as compact JSON (so C# and Node count alike).</summary>
    private static JsonObject OfSize(int bytes)
    {
        JsonObject Card(string text) => new()
        {
            ["type"] = "AdaptiveCard", ["version"] = "1.5", ["body"] = new JsonArray(new JsonObject { ["type"] = "TextBlock", ["text"] = text }),
        };
        var card = Card(new string('x', bytes - Card("").ToJsonString().Length));
        Assert.Equal(bytes, card.ToJsonString().Length);
        return card;
    }

    private static JsonObject Edit(string name, Action<JsonObject> edit)
    {
        var card = CardCatalog.Build(name);
        edit(card);
        return card;
    }

    private static JsonObject Input(JsonObject card, string id) =>
        card["body"]!.AsArray().Select(e => e!.AsObject()).Single(e => e["id"]?.GetValue<string>() == id);
}
