using System.IO.Compression;
using System.Text.RegularExpressions;

namespace TapBot.Cli;

/// <summary>
/// Builds the Teams app package: manifest/manifest.json with one environment's values filled in, plus the two icons,
/// zipped at the root as Teams requires.
/// </summary>
public static partial class AppPackage
{
    /// <summary>The manifest, its icons and one strings file per language in the manifest's <c>localizationInfo</c>.</summary>
    public static readonly string[] Files = ["manifest.json", "color.png", "outline.png", "de.json", "fr.json", "es.json", "ja.json"];

    /// <summary>Reads KEY=VALUE lines (# comments, blank lines allowed); environment variables of the same name win.</summary>
    public static Dictionary<string, string> ReadValues(string? envFile, Func<string, string?> environment)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (envFile is not null)
        {
            foreach (var line in File.ReadAllLines(envFile).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')))
            {
                var eq = line.IndexOf('=');
                if (eq > 0) values[line[..eq].Trim()] = line[(eq + 1)..].Trim();
            }
        }

        foreach (var key in values.Keys.ToList())
        {
            if (environment(key) is { Length: > 0 } fromEnvironment) values[key] = fromEnvironment;
        }

        return values;
    }

    /// <summary>The manifest with every <c>${{TOKEN}}</c> replaced, or the problems that stop it.</summary>
    public static string Fill(string template, IReadOnlyDictionary<string, string> values, out List<string> problems)
    {
        problems = [];
        var found = new List<string>();
        var filled = Token().Replace(template, m =>
        {
            var name = m.Groups[1].Value;
            found.Add(name);
            return values.TryGetValue(name, out var v) && v.Length > 0 ? System.Text.Json.JsonEncodedText.Encode(v).ToString() : m.Value;
        });

        foreach (var missing in found.Distinct().Where(n => !values.TryGetValue(n, out var v) || v.Length == 0))
        {
            problems.Add($"{missing} has no value (set it in the env file or as an environment variable).");
        }

        Check(values, "TEAMS_APP_ID", v => Guid.TryParse(v, out _), "must be a GUID (the Teams app's own id, new per app)", problems);
        Check(values, "BOT_ID", v => Guid.TryParse(v, out _), "must be the Azure Bot's app (client) id, a GUID", problems);
        Check(values, "BOT_DOMAIN", v => Uri.CheckHostName(v) == UriHostNameType.Dns, "must be a host name only, e.g. tapbot.contoso.com (no https://, no path)", problems);
        Check(values, "APP_VERSION", v => SemVer().IsMatch(v), "must be MAJOR.MINOR.PATCH, e.g. 1.0.3 (bump it on every change)", problems);
        foreach (var url in new[] { "DEVELOPER_WEBSITE_URL", "PRIVACY_URL", "TERMS_OF_USE_URL" })
        {
            Check(values, url, v => Uri.TryCreate(v, UriKind.Absolute, out var u) && u.Scheme == "https", "must be an https:// URL", problems);
        }

        return filled;
    }

    /// <summary>Writes the zip; returns the problems instead when a value is missing or malformed.</summary>
    public static IReadOnlyList<string> Build(string manifestFolder, IReadOnlyDictionary<string, string> values, string zipPath)
    {
        var manifest = Fill(File.ReadAllText(Path.Combine(manifestFolder, "manifest.json")), values, out var problems);
        if (problems.Count > 0) return problems;

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(zipPath))!);
        File.Delete(zipPath);
        using var zip = ZipFile.Open(zipPath, ZipArchiveMode.Create);
        using (var writer = new StreamWriter(zip.CreateEntry("manifest.json").Open()))
        {
            writer.Write(manifest);
        }

        foreach (var file in Files.Skip(1))
        {
            zip.CreateEntryFromFile(Path.Combine(manifestFolder, file), file);
        }

        return [];
    }

    private static void Check(IReadOnlyDictionary<string, string> values, string name, Func<string, bool> ok, string rule, List<string> problems)
    {
        if (values.TryGetValue(name, out var v) && v.Length > 0 && !ok(v)) problems.Add($"{name} '{v}' {rule}.");
    }

    [GeneratedRegex(@"\$\{\{([A-Z0-9_]+)\}\}")]
    private static partial Regex Token();

    [GeneratedRegex(@"^\d+\.\d+\.\d+$")]
    private static partial Regex SemVer();
}
