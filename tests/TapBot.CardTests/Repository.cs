namespace TapBot.CardTests;

/// <summary>Paths in the source tree (golden files are read and written there, not in the build output).</summary>
public static class Repository
{
    public static readonly string Root = FindRoot();
    public static readonly string Project = Path.Combine(Root, "tests", "TapBot.CardTests");
    public static readonly string GoldenFolder = Path.Combine(Project, "golden");
    public static readonly string Validator = Path.Combine(Project, "validate-cards.mjs");

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "TapBot.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Cannot find the repository root (TapBot.sln).");
    }
}
