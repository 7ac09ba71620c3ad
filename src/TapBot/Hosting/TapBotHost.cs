using Microsoft.Bot.Builder;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using TapBot.Actions;
using TapBot.Commands;
using TapBot.Domain;
using TapBot.Domain.Audit;
using TapBot.Domain.Issuance;
using TapBot.Domain.Ports;
using TapBot.Domain.Roles;
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

        // Every check runs before anything listens, so a refused configuration leaves nothing behind.
        var tenant = EmbeddedSimulatedTenant.Prepare(builder, out var seedToServe);
        var graph = builder.Configuration.GetSection(GraphOptions.Section).Get<GraphOptions>() ?? new GraphOptions();
        if (graph.Problems().FirstOrDefault() is { } graphProblem) throw new StartupProblemException(graphProblem);
        if (!Guid.TryParse(tenant.Id, out _)) throw new StartupProblemException("Graph:TenantId must be the tenant's GUID.");

        var roles = builder.Configuration.GetSection(RoleOptions.Section).Get<RoleOptions>() ?? new RoleOptions();
        if (roles.Problems().FirstOrDefault() is { } roleProblem) throw new StartupProblemException(roleProblem);

        var storage = builder.Configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        if (storage.Problems().FirstOrDefault() is { } storageProblem) throw new StartupProblemException(storageProblem);

        var issuance = builder.Configuration.GetSection(IssuanceOptions.Section).Get<IssuanceOptions>() ?? new IssuanceOptions();
        if (issuance.Problems().FirstOrDefault() is { } issuanceProblem) throw new StartupProblemException(issuanceProblem);

        var approval = builder.Configuration.GetSection(Domain.Approvals.ApprovalOptions.Section).Get<Domain.Approvals.ApprovalOptions>() ?? new Domain.Approvals.ApprovalOptions();
        if (approval.Problems().FirstOrDefault() is { } approvalProblem) throw new StartupProblemException(approvalProblem);

        var audit = builder.Configuration.GetSection(AuditOptions.Section).Get<AuditOptions>() ?? new AuditOptions();
        if (audit.Problems().FirstOrDefault() is { } auditProblem) throw new StartupProblemException(auditProblem);
        if (AuditChainKeySource.Problem(builder.Configuration, storage) is { } keyProblem) throw new StartupProblemException(keyProblem);

        var bot = builder.Configuration.GetSection(BotOptions.Section).Get<BotOptions>() ?? new BotOptions();
        BotAuthenticationFactory.Validate(bot, ListenAddresses.From(builder.Configuration), graph.EffectiveMode);

        TelemetryOptions.AddTapTelemetry(builder);
        AddServices(builder, tenant, bot);

        var emulator = seedToServe is null ? null : await EmbeddedSimulatedTenant.StartAsync(builder, seedToServe);
        try
        {
            var app = builder.Build();
            // Build the Graph client now: a bad credential or certificate should stop the start, not a user's turn.
            _ = app.Services.GetRequiredService<IDirectory>();
            app.MapPost("/api/messages", BotEndpoint.HandleAsync);
            app.MapGet("/healthz", () => Results.Json(new { status = "alive" }));
            app.MapGet("/readyz", Readiness.HandleAsync);
            if (bot.IsAnonymous) RefuseNonLoopbackAfterStart(app);
            if (graph.EffectiveMode == GraphMode.Live) WarnAboutAGeneratedChainKeyAfterStart(app);
            return app;
        }
        catch (Exception e)
        {
            if (emulator is not null) await emulator.DisposeAsync();
            if (e is InvalidOperationException { Message: var m } && m.StartsWith("Graph:", StringComparison.Ordinal)) throw new StartupProblemException(m);
            throw;
        }
    }

    private static void AddServices(WebApplicationBuilder builder, TapTenant tenant, BotOptions bot)
    {
        var services = builder.Services;
        services.AddSingleton(tenant);
        services.AddTapDomain(builder.Configuration);
        services.AddTapGraph(builder.Configuration);
        services.AddTapStorage(builder.Configuration);
        services.AddOptions<BotOptions>().Bind(builder.Configuration.GetSection(BotOptions.Section));
        // Connector clients live for the whole process (see ConnectorClientCache), so their sockets must still follow
        // DNS changes of the Teams service URL.
        services.AddHttpClient(Microsoft.Extensions.Options.Options.DefaultName)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) });
        services.AddSingleton<ConnectorClientCache>();
        // TryAdd: the benchmark swaps in the stock per-turn connector clients to measure what reuse buys.
        services.TryAddSingleton<BotFrameworkAuthentication>(sp => new ReusableConnectorAuthentication(
            BotAuthenticationFactory.Create(
                bot, // the instance that was validated, not one re-read later
                sp.GetRequiredService<IHttpClientFactory>(),
                sp.GetRequiredService<ILogger<BotFrameworkAuthentication>>()),
            sp.GetRequiredService<ConnectorClientCache>()));
        services.AddSingleton<TapCloudAdapter>();
        services.AddSingleton<TurnIdentity>();
        services.AddSingleton<PersonalChatRecorder>();
        services.AddSingleton<Readiness>();
        services.AddHostedService<RedactionJob>();
        services.AddHostedService<RecoveryJob>();
        services.AddSingleton<AuditHeadJob>();
        services.AddHostedService(sp => sp.GetRequiredService<AuditHeadJob>());
        services.AddSingleton<ApprovalJob>();
        services.AddHostedService(sp => sp.GetRequiredService<ApprovalJob>());
        services.AddScoped<ProactiveMessenger>();
        services.AddScoped<IApprovalCards, TeamsApprovalCards>();
        services.AddScoped<IChatCommandHandler, HelpCommandHandler>();
        services.AddScoped<IChatCommandHandler, UnknownCommandHandler>();
        services.AddScoped<IChatCommandHandler, PolicyCommandHandler>();
        services.AddScoped<IChatCommandHandler, StatusCommandHandler>();
        services.AddScoped<IChatCommandHandler, IssueCommandHandler>();
        services.AddScoped<IChatCommandHandler, RevokeCommandHandler>();
        services.AddScoped<IChatCommandHandler, RequestHelpCommandHandler>();
        services.AddScoped<IChatCommandHandler, AuditCommandHandler>();
        services.AddScoped<IChatCommandHandler, ApproverChannelCommandHandler>();
        services.AddScoped<ChatCommandRouter>();
        services.AddScoped<ICardAction, ShowStatusAction>();
        services.AddScoped<ICardAction, PrepareIssueAction>();
        services.AddScoped<ICardAction, IssuePassAction>();
        services.AddScoped<ICardAction, RevokePassAction>();
        services.AddScoped<ICardAction, CancelAction>();
        services.AddScoped<ICardAction, PrepareRequestAction>();
        services.AddScoped<ICardAction, RequestPassAction>();
        services.AddScoped<ICardAction, ApproveRequestAction>();
        services.AddScoped<ICardAction, DenyRequestAction>();
        services.AddScoped<ICardAction, RefreshRequestAction>();
        services.AddScoped<IPasscodeDelivery, TeamsPasscodeDelivery>();
        services.AddScoped<CardActionRouter>();
        services.AddScoped<OwnCards>();
        services.AddScoped<IBot, TapActivityHandler>();
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
