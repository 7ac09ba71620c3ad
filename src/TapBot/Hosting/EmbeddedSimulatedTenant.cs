using TapBot.Graph;
using TapBot.SimulatedTenant;
using TapBot.SimulatedTenant.Tenant;
using TapBot.Teams;

namespace TapBot.Hosting;

/// <summary>
/// In Simulated mode with no Graph:BaseUrl, TapBot runs the Graph emulator itself, on its own loopback port (never
/// on the bot's port: the emulator has no authentication worth the name).
/// </summary>
public static class EmbeddedSimulatedTenant
{
    public static async Task<TapTenant> ConfigureAsync(WebApplicationBuilder builder)
    {
        var graph = builder.Configuration.GetSection(GraphOptions.Section).Get<GraphOptions>() ?? new GraphOptions();
        if (graph.EffectiveMode == GraphMode.Live)
        {
            return new TapTenant(graph.TenantId ?? "", builder.Configuration["Tenant:DisplayName"] ?? "your");
        }

        var emulator = builder.Configuration.GetSection(EmulatorOptions.Section).Get<EmulatorOptions>() ?? new EmulatorOptions();
        var seedPath = string.IsNullOrWhiteSpace(emulator.SeedFile) ? EmulatorOptions.BundledSeedPath : Path.GetFullPath(emulator.SeedFile);
        TenantSeed seed;
        try
        {
            seed = TenantSeed.Load(seedPath);
        }
        catch (SeedException e)
        {
            throw new StartupProblemException($"SimulatedTenant:SeedFile: {e.Message}");
        }

        AddSeedSettings(builder, seedPath);
        var tenant = new TapTenant(seed.TenantId, seed.DisplayName ?? "simulated");
        if (!string.IsNullOrWhiteSpace(graph.BaseUrl))
        {
            // An emulator started separately (dotnet run --project src/TapBot.SimulatedTenant) with this seed.
            return tenant;
        }

        var url = builder.Configuration["SimulatedTenant:Url"] ?? "http://127.0.0.1:0";
        if (!ListenAddresses.IsLoopback(url))
        {
            throw new StartupProblemException($"SimulatedTenant:Url must be a loopback address; got '{url}'.");
        }

        var server = await SimulatedTenantServer.StartAsync(seed, url, emulator);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Graph:BaseUrl"] = server.GraphBaseUrl });
        builder.Services.AddSingleton(server);
        builder.Services.AddHostedService(sp => new EmulatorLifetime(server, sp.GetRequiredService<ILogger<EmulatorLifetime>>()));
        return tenant;
    }

    /// <summary>
    /// A seed may ship TapBot settings for its tenant beside it (<c>contoso.json</c> → <c>contoso.tapbot.json</c>: the
    /// role groups). They sit below every other source, so appsettings.json and environment variables still win.
    /// </summary>
    private static void AddSeedSettings(WebApplicationBuilder builder, string seedPath)
    {
        var sidecar = Path.ChangeExtension(seedPath, ".tapbot.json");
        if (File.Exists(sidecar))
        {
            var sources = (IList<IConfigurationSource>)builder.Configuration.Sources;
            var json = new Microsoft.Extensions.Configuration.Json.JsonConfigurationSource { Path = sidecar, Optional = true };
            json.ResolveFileProvider();
            sources.Insert(0, json);
        }
    }

    private sealed class EmulatorLifetime(SimulatedTenantServer server, ILogger<EmulatorLifetime> logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            logger.LogInformation("Simulated tenant '{Tenant}' ({Users} users) serving Graph at {Url}",
                server.State.DisplayName, server.State.Users.Count, server.GraphBaseUrl);
            return Task.CompletedTask;
        }

        public async Task StopAsync(CancellationToken cancellationToken) => await server.DisposeAsync();
    }
}
