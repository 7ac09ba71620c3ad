using System.Text.Json.Nodes;
using TapBot.SimulatedTenant;

namespace TapBot.IntegrationTests;

/// <summary>Copies of the bundled Contoso seed with one thing changed, for tests that need another tenant.</summary>
internal static class SeedFiles
{
    /// <summary>Writes <c>tenant.json</c> (changed) and its TapBot settings sidecar into <paramref name="folder"/>; returns the seed's path.</summary>
    public static string WriteChanged(string folder, Action<JsonObject> change)
    {
        Directory.CreateDirectory(folder);
        var seed = JsonNode.Parse(File.ReadAllText(EmulatorOptions.BundledSeedPath))!.AsObject();
        change(seed);
        var path = Path.Combine(folder, "tenant.json");
        File.WriteAllText(path, seed.ToJsonString());
        File.Copy(Path.ChangeExtension(EmulatorOptions.BundledSeedPath, ".tapbot.json"), Path.Combine(folder, "tenant.tapbot.json"), overwrite: true);
        return path;
    }
}
