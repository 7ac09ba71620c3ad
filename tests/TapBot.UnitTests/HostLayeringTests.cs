using System.Text.RegularExpressions;

namespace TapBot.UnitTests;

/// <summary>
/// The direction of dependencies inside the host, read from its source: Cli → Hosting → Teams → Actions/Commands →
/// Cards. A namespace may use the ones after it, never one before it or beside it, so there are no cycles.
/// </summary>
public sealed partial class HostLayeringTests
{
    /// <summary>Each namespace of src/TapBot and its depth; Actions and Commands are side by side.</summary>
    private static readonly Dictionary<string, int> Depth = new()
    {
        ["Cli"] = 0, ["Hosting"] = 1, ["Teams"] = 2, ["Actions"] = 3, ["Commands"] = 3, ["Cards"] = 4,
    };

    public static TheoryData<string> Files() => new(
        Directory.EnumerateFiles(Path.Combine(Repository.Root, "src", "TapBot"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .Select(f => Path.GetRelativePath(Repository.Root, f).Replace('\\', '/')));

    [Theory]
    [MemberData(nameof(Files))]
    public void HostNamespace_UsesOnlyTheLayersAfterIt(string file)
    {
        var source = File.ReadAllText(Path.Combine(Repository.Root, file));
        var own = NamespaceLine().Match(source) is { Success: true } m ? m.Groups[1].Value : null;
        if (own is null || !Depth.TryGetValue(own, out var depth)) return; // Program.cs and the root namespace compose everything

        var code = CommentsAndStrings().Replace(source, "");
        var used = UsedNamespace().Matches(code).Select(u => u.Groups["ns"].Value).Where(ns => ns != own).Distinct().ToList();
        var wrong = used.Where(ns => Depth[ns] <= depth).ToList();

        Assert.True(wrong.Count == 0, $"{file} ({own}) uses {string.Join(", ", wrong)}: the host's direction is Cli → Hosting → Teams → Actions/Commands → Cards.");
    }

    [Fact]
    public void EveryHostNamespace_HasADepth()
    {
        var folders = Directory.EnumerateDirectories(Path.Combine(Repository.Root, "src", "TapBot"))
            .Select(Path.GetFileName).Where(d => d is not ("bin" or "obj" or "Properties")).ToList();

        Assert.All(folders, folder => Assert.Contains(folder!, Depth.Keys));
    }

    [GeneratedRegex(@"^namespace TapBot\.(\w+);", RegexOptions.Multiline)]
    private static partial Regex NamespaceLine();

    /// <summary>Line comments and string literals, which may name a folder in prose.</summary>
    [GeneratedRegex(@"//[^\n]*|""(?:[^""\\\n]|\\.)*""")]
    private static partial Regex CommentsAndStrings();

    /// <summary><c>using TapBot.X;</c>, <c>TapBot.X.Type</c>, or <c>X.Type</c> (a sibling namespace, partly qualified).</summary>
    [GeneratedRegex(@"(?:\bTapBot\.|(?<![\w.]))(?<ns>Cli|Hosting|Teams|Actions|Commands|Cards)\.(?=[A-Z])|\busing TapBot\.(?<ns>Cli|Hosting|Teams|Actions|Commands|Cards);")]
    private static partial Regex UsedNamespace();
}

internal static class Repository
{
    /// <summary>The checkout this test assembly was built from (the folder holding TapBot.sln).</summary>
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TapBot.sln"))) return dir.FullName;
        }

        throw new InvalidOperationException("TapBot.sln not found above " + AppContext.BaseDirectory);
    }
}
