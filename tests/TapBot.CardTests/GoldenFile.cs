using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TapBot.CardTests;

/// <summary>A card as its golden file holds it: indented JSON, "\n" line ends, non-ASCII text as itself.</summary>
public static class GoldenFile
{
    private static readonly JsonSerializerOptions Format = new()
    {
        WriteIndented = true,
        NewLine = "\n",
        // Readable golden files ("—", "→", "“…”"); the text is only ever compared and parsed, never put in HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string PathOf(string name) => Path.Combine(Repository.GoldenFolder, name + ".json");

    public static string Serialize(JsonNode card) => card.ToJsonString(Format) + "\n";

    /// <summary>The card names that have a golden file.</summary>
    public static IEnumerable<string> Names() =>
        Directory.EnumerateFiles(Repository.GoldenFolder, "*.json").Select(f => Path.GetFileNameWithoutExtension(f)!).Order(StringComparer.Ordinal);

    /// <summary>Null when equal; otherwise where the two texts part, in words a reader can act on.</summary>
    public static string? Difference(string expected, string actual)
    {
        var want = expected.ReplaceLineEndings("\n").Split('\n');
        var have = actual.ReplaceLineEndings("\n").Split('\n');
        for (var i = 0; i < Math.Max(want.Length, have.Length); i++)
        {
            var w = i < want.Length ? want[i] : "(end of file)";
            var h = i < have.Length ? have[i] : "(end of card)";
            if (w != h) return $"first difference at line {i + 1}:\n  golden: {w.Trim()}\n  card:   {h.Trim()}";
        }

        return null;
    }
}
