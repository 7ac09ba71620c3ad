using TapBot.Graph;
using TapBot.SimulatedTenant;
using TapBot.SimulatedTenant.Tenant;
using TapBot.Teams;
using TapBot.Domain;

namespace TapBot.Hosting;

/// <summary>
/// In Simulated mode with no Graph:BaseUrl, TapBot runs the Graph emulator itself, on its own loopback port (never
/// on the bot's port: the emulator has no authentication worth the name).
/// </summary>
public static class EmbeddedSimulatedTenant
{
    /// <summary>
    /// Works out the tenant TapBot serves. In Simulated mode it loads the seed (and the seed's TapBot settings);
    /// <paramref name="seedToServe"/> is set when TapBot must also run the emulator (no Graph:BaseUrl given).
    /// </summary>
    public static TapTenant Prepare(WebApplicationBuilder builder, out TenantSeed? seedToServe)
    {
        seedToServe = null;
        var graph = builder.Configuration.GetSection(GraphOptions.Section).Get<GraphOptions>() ?? new GraphOptions();
        if (graph.EffectiveMode == GraphMode.Live)
        {
            return new TapTenant(graph.TenantId ?? "", builder.Configuration["Tenant:DisplayName"] ?? "your");
        }

        var emulator = Options(builder);
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
        if (string.IsNullOrWhiteSpace(graph.BaseUrl))
        {
            var url = builder.Configuration["SimulatedTenant:Url"] ?? DefaultUrl;
            if (!ListenAddresses.IsLoopback(url))
            {
                throw new StartupProblemException($"SimulatedTenant:Url must be a loopback address; got '{url}'.");
            }

            seedToServe = seed;
        }

        // Otherwise an emulator started separately (dotnet run --project src/TapBot.SimulatedTenant) serves this seed.
        return new TapTenant(seed.TenantId, seed.DisplayName ?? "simulated");
    }

    /// <summary>Starts the emulator on its loopback port and points the Graph client at it.</summary>
    public static async Task<SimulatedTenantServer> StartAsync(WebApplicationBuilder builder, TenantSeed seed)
    {
        var server = await SimulatedTenantServer.StartAsync(seed, builder.Configuration["SimulatedTenant:Url"] ?? DefaultUrl, Options(builder));
        if (!ListenAddresses.IsLoopback(server.Address))
        {
            await server.DisposeAsync();
            throw new StartupProblemException($"The simulated tenant ended up listening on {server.Address}, which is not loopback.");
        }

        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Graph:BaseUrl"] = server.GraphBaseUrl });
        builder.Services.AddSingleton(server);
        builder.Services.AddHostedService(sp => new EmulatorLifetime(server, sp.GetRequiredService<ILogger<EmulatorLifetime>>()));
        return server;
    }

    private const string DefaultUrl = "http://127.0.0.1:0";

    private static EmulatorOptions Options(WebApplicationBuilder builder) =>
        builder.Configuration.GetSection(EmulatorOptions.Section).Get<EmulatorOptions>() ?? new EmulatorOptions();

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
