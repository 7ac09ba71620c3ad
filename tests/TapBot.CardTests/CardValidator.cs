using System.Diagnostics;
using System.Text.Json.Nodes;

namespace TapBot.CardTests;

/// <summary>Runs validate-cards.mjs (the official adaptivecards library in Node) over card files, once for many cards.</summary>
public static class CardValidator
{
    /// <summary>Each card's problems by card name (the file name without .json); none means it is valid.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Run(params string[] paths)
    {
        Assert.True(File.Exists(Path.Combine(Repository.Root, "node_modules", "adaptivecards", "package.json")),
            "the adaptivecards npm package is not installed: run bash scripts/install-test-deps.sh");
        var start = new ProcessStartInfo("node", [Repository.Validator, "--json", .. paths])
        {
            WorkingDirectory = Repository.Root, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        using var node = Process.Start(start)!;
        var errors = node.StandardError.ReadToEndAsync();
        var output = node.StandardOutput.ReadToEnd();
        node.WaitForExit();
        Assert.True(node.ExitCode is 0 or 1, $"validate-cards.mjs failed (exit {node.ExitCode}): {errors.Result}{output}");
        return JsonNode.Parse(output)!.AsArray().ToDictionary(
            r => r!["card"]!.GetValue<string>(),
            r => (IReadOnlyList<string>)r!["problems"]!.AsArray().Select(p => p!.GetValue<string>()).ToList());
    }

    /// <summary>Writes cards to a fresh folder and validates them there.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Run(IEnumerable<(string Name, JsonNode Card)> cards)
    {
        var folder = Directory.CreateTempSubdirectory("tapbot-cards-").FullName;
        try
        {
            foreach (var (name, card) in cards) File.WriteAllText(Path.Combine(folder, name + ".json"), card.ToJsonString());
            return Run(folder);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
