using Microsoft.Extensions.Options;
using TapBot.Domain;
using TapBot.Domain.Ports;
using TapBot.Graph;
using TapBot.Storage;
using TapBot.Teams;

namespace TapBot.Hosting;

/// <summary>Composes the TapBot web host. Program.cs and the integration tests both start it through here.</summary>
public static class TapBotHost
{
    public static async Task<WebApplication> BuildAsync(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        // Content root = the output folder, where the repository's appsettings.json is linked, however TapBot is started.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        configure?.Invoke(builder);

        // Checks that decide how TapBot is composed run now; every settings section is bound and checked by the
        // area that owns it (ValidateOnStart), and checked right after the build, before anything listens.
        var tenant = EmbeddedSimulatedTenant.Prepare(builder, out var seedToServe);
        if (!Guid.TryParse(tenant.Id, out _)) throw new StartupProblemException("Graph:TenantId must be the tenant's GUID.");
        var graphMode = (builder.Configuration.GetSection(GraphOptions.Section).Get<GraphOptions>() ?? new GraphOptions()).EffectiveMode;
        var bot = builder.Configuration.GetSection(BotOptions.Section).Get<BotOptions>() ?? new BotOptions();
        BotAuthenticationFactory.Validate(bot, ListenAddresses.From(builder.Configuration), graphMode);

        builder.AddTapBot(tenant, bot);

        var emulator = seedToServe is null ? null : await EmbeddedSimulatedTenant.StartAsync(builder, seedToServe);
        try
        {
            var app = builder.Build();
            // The ValidateOnStart checks, now: the doctor and audit commands build the app without starting it.
            app.Services.GetService<IStartupValidator>()?.Validate();
            // Build the Graph client now: a bad credential or certificate should stop the start, not a user's turn.
            _ = app.Services.GetRequiredService<IDirectory>();
            app.MapPost("/api/messages", BotEndpoint.HandleAsync);
            app.MapGet("/healthz", () => Results.Json(new { status = "alive" }));
            app.MapGet("/readyz", Readiness.HandleAsync);
            if (bot.IsAnonymous) RefuseNonLoopbackAfterStart(app);
            if (graphMode == GraphMode.Live) WarnAboutAGeneratedChainKeyAfterStart(app);
            return app;
        }
        catch (Exception e)
        {
            if (emulator is not null) await emulator.DisposeAsync();
            if (e is InvalidOperationException { Message: var m } && m.StartsWith("Graph:", StringComparison.Ordinal)) throw new StartupProblemException(m);
            throw;
        }
    }

    /// <summary>
    /// A generated key sits in the data folder: fine for the simulated tenant, but against a real tenant whoever can
    /// read that folder can re-chain an edited database, so the key belongs in a secret store. Checked once started
    /// (the key file is created on first use; the doctor and audit commands never start the app).
    /// </summary>
    private static void WarnAboutAGeneratedChainKeyAfterStart(WebApplication app) =>
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            if (app.Services.GetRequiredService<ResolvedAuditChainKey>().GeneratedFile is not { } file) return;
            app.Logger.LogWarning("The audit chain is keyed with a key TapBot generated into {KeyFile}. Set Audit:ChainKey (the environment " +
                                  "variable Audit__ChainKey, from a secret store) to the key in that file, and keep a copy outside this host", file);
        });

    /// <summary>
    /// Anonymous mode was allowed because the configuration said loopback; if the server nevertheless bound elsewhere
    /// (listeners added in code, a changed Kestrel section), stop rather than serve an unauthenticated bot.
    /// </summary>
    private static void RefuseNonLoopbackAfterStart(WebApplication app) =>
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var open = app.Urls.Where(u => !ListenAddresses.IsLoopback(u)).ToList();
            if (open.Count == 0) return;
            app.Logger.LogCritical("Stopping: Bot:MicrosoftAppId is empty (no authentication) but TapBot listens on {Addresses}", string.Join(", ", open));
            app.Lifetime.StopApplication();
        });
}
