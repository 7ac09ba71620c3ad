using System.Text.Json.Nodes;

namespace TapBot.Cards;

/// <summary>
/// A small, structure-aware Adaptive Card builder (schema 1.5, the newest Teams renders). Cards are JSON trees,
/// never string concatenation, so user text can only ever land inside a string value.
/// </summary>
public static class AdaptiveCard
{
    public const string Version = "1.5";
    public const string ContentType = "application/vnd.microsoft.card.adaptive";

    /// <param name="speak">
    /// What a screen reader or a voice client says first: the card's point in one sentence. Plain text, never a passcode.
    /// </param>
    public static JsonObject New(IEnumerable<JsonNode?> body, IEnumerable<JsonNode>? actions = null, string? speak = null)
    {
        var card = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = Version,
            ["body"] = new JsonArray(body.Where(b => b is not null).ToArray()),
        };
        if (actions is not null)
        {
            var list = actions.ToArray();
            if (list.Length > 0) card["actions"] = new JsonArray(list);
        }

        if (speak is not null) card["speak"] = speak;

        return card;
    }

    /// <summary>A wrapped text block; <paramref name="markdown"/> must already be escaped where it holds user text.</summary>
    public static JsonObject Text(string markdown, string? size = null, string? weight = null, string? color = null,
        bool subtle = false, string? spacing = null)
    {
        var block = new JsonObject { ["type"] = "TextBlock", ["text"] = markdown, ["wrap"] = true };
        if (size is not null) block["size"] = size;
        if (weight is not null) block["weight"] = weight;
        if (color is not null) block["color"] = color;
        if (subtle) block["isSubtle"] = true;
        if (spacing is not null) block["spacing"] = spacing;
        return block;
    }

    public static JsonObject Heading(string markdown) => Text(markdown, size: "Medium", weight: "Bolder");

    /// <summary>Title/value pairs; values must already be escaped where they hold user text.</summary>
    public static JsonObject Facts(IEnumerable<(string Title, string Value)> facts) => new()
    {
        ["type"] = "FactSet",
        ["facts"] = new JsonArray(facts.Select(f => (JsonNode)new JsonObject { ["title"] = f.Title, ["value"] = f.Value }).ToArray()),
    };

    /// <summary>An Action.Execute (Universal Actions); Teams routes a click only when the verb is set.</summary>
    public static JsonObject Execute(string title, string verb, JsonObject? data = null, string? style = null)
    {
        var action = new JsonObject { ["type"] = "Action.Execute", ["title"] = title, ["verb"] = verb, ["data"] = data ?? [] };
        if (style is not null) action["style"] = style;
        return action;
    }

    public static JsonObject ChoiceSet(string id, string label, IEnumerable<(string Title, string Value)> choices, bool required = true)
    {
        var set = new JsonObject
        {
            ["type"] = "Input.ChoiceSet",
            ["id"] = id,
            ["label"] = label,
            ["style"] = "expanded",
            ["isRequired"] = required,
            ["choices"] = new JsonArray(choices.Select(c => (JsonNode)new JsonObject { ["title"] = c.Title, ["value"] = c.Value }).ToArray()),
        };
        if (required) set["errorMessage"] = Texts.Get("Form.PickOne");
        return set;
    }

    /// <summary>
    /// A date and time that Teams shows in the reader's own time zone and format
    /// (Adaptive Cards DATE/TIME functions); always UTC ISO-8601 inside.
    /// </summary>
    public static string When(DateTimeOffset instant)
    {
        var iso = instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        return $"{{{{DATE({iso}, SHORT)}}}} {{{{TIME({iso})}}}}";
    }
}
