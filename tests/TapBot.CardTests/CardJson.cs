using System.Text.Json.Nodes;

namespace TapBot.CardTests;

/// <summary>Reading cards as JSON trees: the text a person reads, and everything else (the structure).</summary>
public static class CardJson
{
    /// <summary>Properties whose string is shown to people (markdown in TextBlocks; maybe in choice labels).</summary>
    private static readonly HashSet<string> TextProperties = ["text", "title", "label", "errorMessage", "placeholder", "fallbackText", "speak", "altText"];

    /// <summary>Every string shown to people: texts, titles, labels, and fact values (not choice values, which are ids).</summary>
    public static IEnumerable<string> Texts(JsonNode? node, string? property = null) => node switch
    {
        JsonObject o => o.SelectMany(p => IsText(p.Key, property) && p.Value is JsonValue v && v.TryGetValue<string>(out var s) ? [s] : Texts(p.Value, p.Key)),
        JsonArray a => a.SelectMany(item => Texts(item, property)),
        _ => [],
    };

    /// <summary>
    /// Where two cards differ in anything but the text people read: element and action types, ids, verbs, data,
    /// urls, styles, the number of elements, facts, choices and actions.
    /// </summary>
    public static IEnumerable<string> StructureDifferences(JsonNode? expected, JsonNode? actual, string path = "$", string? property = null)
    {
        switch (expected, actual)
        {
            case (JsonObject e, JsonObject a):
                var keys = e.Select(p => p.Key).ToList();
                if (!keys.SequenceEqual(a.Select(p => p.Key)))
                {
                    return [$"{path} has properties [{string.Join(", ", a.Select(p => p.Key))}], not [{string.Join(", ", keys)}]"];
                }

                return keys.Where(k => !IsText(k, property)).SelectMany(k => StructureDifferences(e[k], a[k], $"{path}.{k}", k));
            case (JsonArray e, JsonArray a):
                return e.Count != a.Count
                    ? [$"{path} has {a.Count} items, not {e.Count}"]
                    : e.Select((item, i) => StructureDifferences(item, a[i], $"{path}[{i}]", property)).SelectMany(d => d);
            default:
                return JsonNode.DeepEquals(expected, actual) ? [] : [$"{path} is {actual?.ToJsonString() ?? "null"}, not {expected?.ToJsonString() ?? "null"}"];
        }
    }

    private static bool IsText(string key, string? parent) => TextProperties.Contains(key) || (key == "value" && parent == "facts");
}
