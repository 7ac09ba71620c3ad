using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json.Nodes;
using TapBot.Cli;

namespace TapBot.ManifestTests;

public sealed class AppPackageTests
{
    private static readonly string Root = RepositoryRoot();
    private static readonly string ManifestFolder = Path.Combine(Root, "manifest");
    private static readonly string ExampleEnv = Path.Combine(ManifestFolder, "env", "example.env");
    private readonly string _work = Directory.CreateTempSubdirectory("tapbot-package-").FullName;

    [Fact]
    public void Package_HasExactlyTheManifestIconsAndLanguagesAtTheRoot_WithEveryValueFilled()
    {
        var zip = Path.Combine(_work, "tapbot.zip");

        var exit = PackageCommand.Run(["--env", ExampleEnv, "--out", zip, "--manifest", ManifestFolder], TextWriter.Null, TextWriter.Null);

        Assert.Equal(0, exit);
        using var archive = ZipFile.OpenRead(zip);
        Assert.Equal(["color.png", "de.json", "es.json", "fr.json", "ja.json", "manifest.json", "outline.png"], archive.Entries.Select(e => e.FullName).Order());
        using var reader = new StreamReader(archive.GetEntry("manifest.json")!.Open());
        var text = reader.ReadToEnd();
        Assert.DoesNotContain("${{", text);
        var manifest = JsonNode.Parse(text)!;
        Assert.Equal("6a1b6c2d-0000-4000-8000-00000000b001", manifest["bots"]![0]!["botId"]!.GetValue<string>());
        Assert.Equal("tapbot.example.com", manifest["validDomains"]![0]!.GetValue<string>());
        Assert.Equal(["groupChat", "personal", "team"], manifest["bots"]![0]!["scopes"]!.AsArray().Select(s => s!.GetValue<string>()).Order());
    }

    [Fact]
    public void Package_ValidatesAgainstTheOfficialSchema_Offline()
    {
        var zip = Path.Combine(_work, "tapbot.zip");
        PackageCommand.Run(["--env", ExampleEnv, "--out", zip, "--manifest", ManifestFolder], TextWriter.Null, TextWriter.Null);
        ZipFile.ExtractToDirectory(zip, Path.Combine(_work, "extracted"));

        var (exit, output) = Validate(Path.Combine(_work, "extracted", "manifest.json"));

        Assert.True(exit == 0, output);
        Assert.Contains("valid against manifest schema v1.30", output);
    }

    [Fact]
    public void EveryLanguage_TranslatesTheNameDescriptionsAndEveryCommand_AndNothingElse()
    {
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(ManifestFolder, "manifest.json")))!;
        var languages = manifest["localizationInfo"]!["additionalLanguages"]!.AsArray().Select(l => l!["languageTag"]!.GetValue<string>());
        Assert.Equal(["de", "fr", "es", "ja"], languages);
        var expected = new List<string> { "name.short", "name.full", "description.short", "description.full" };
        var lists = manifest["bots"]![0]!["commandLists"]!.AsArray();
        for (var l = 0; l < lists.Count; l++)
        {
            // Titles stay English (they are what people type); the descriptions are translated.
            expected.AddRange(lists[l]!["commands"]!.AsArray().Select((_, c) => $"bots[0].commandLists[{l}].commands[{c}].description"));
        }

        foreach (var language in languages)
        {
            var strings = JsonNode.Parse(File.ReadAllText(Path.Combine(ManifestFolder, language + ".json")))!.AsObject();
            Assert.Equal(expected.Order(), strings.Select(kv => kv.Key).Where(k => k != "$schema").Order());
            Assert.All(strings.Where(kv => kv.Key != "$schema"), kv => Assert.False(string.IsNullOrWhiteSpace(kv.Value!.GetValue<string>()), $"{language} {kv.Key}"));
        }
    }

    [Fact]
    public void Validator_RejectsAManifestThatBreaksTheSchema()
    {
        // The validator must be able to say no: the unfilled template has non-GUID ids and non-URL links.
        var (exit, output) = Validate(Path.Combine(ManifestFolder, "manifest.json"));

        Assert.Equal(1, exit);
        Assert.Contains("/bots/0/botId", output);
    }

    [Fact]
    public void ManifestVersion_IsTheNewestSchemaTheValidatorShips()
    {
        var schemas = Path.Combine(Root, "node_modules", "@microsoft", "app-manifest", "build", "json-schemas", "teams");
        var newest = Directory.GetDirectories(schemas).Select(Path.GetFileName)
            .Where(n => n!.StartsWith("v1.", StringComparison.Ordinal)).Select(n => Version.Parse(n![1..])).Max()!;
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(ManifestFolder, "manifest.json")))!;

        Assert.Equal($"{newest.Major}.{newest.Minor}", manifest["manifestVersion"]!.GetValue<string>());
    }

    [Fact]
    public void Package_WithMissingOrMalformedValues_IsNotBuilt_AndSaysWhichOnes()
    {
        var env = Path.Combine(_work, "bad.env");
        File.WriteAllLines(env, ["TEAMS_APP_ID=not-a-guid", "BOT_ID=", "BOT_DOMAIN=https://tapbot.example.com/", "APP_VERSION=1.0"]);
        var errors = new StringWriter();
        var zip = Path.Combine(_work, "bad.zip");

        var exit = PackageCommand.Run(["--env", env, "--out", zip, "--manifest", ManifestFolder], TextWriter.Null, errors);

        Assert.Equal(1, exit);
        Assert.False(File.Exists(zip));
        var text = errors.ToString();
        foreach (var expected in new[] { "TEAMS_APP_ID 'not-a-guid'", "BOT_ID has no value", "BOT_DOMAIN 'https://tapbot.example.com/'", "APP_VERSION '1.0'", "PRIVACY_URL has no value" })
        {
            Assert.Contains(expected, text);
        }
    }

    [Fact]
    public void EnvironmentVariables_OverrideTheEnvFile()
    {
        var values = AppPackage.ReadValues(ExampleEnv, name => name == "APP_VERSION" ? "2.3.4" : null);

        Assert.Equal("2.3.4", values["APP_VERSION"]);
        Assert.Equal("tapbot.example.com", values["BOT_DOMAIN"]);
    }

    private (int Exit, string Output) Validate(string manifestPath)
    {
        var validator = Path.Combine(ManifestFolder, "validate.mjs");
        Assert.True(Directory.Exists(Path.Combine(Root, "node_modules", "@microsoft", "app-manifest")),
            "@microsoft/app-manifest is not installed: run bash scripts/install-test-deps.sh");
        var start = new ProcessStartInfo("node", [validator, manifestPath])
        {
            WorkingDirectory = Root, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output);
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "TapBot.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Cannot find the repository root (TapBot.sln).");
    }
}
