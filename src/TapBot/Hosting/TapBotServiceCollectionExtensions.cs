using Microsoft.Bot.Builder;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TapBot.Actions;
using TapBot.Commands;
using TapBot.Domain;
using TapBot.Domain.Issuance;
using TapBot.Domain.Ports;
using TapBot.Graph;
using TapBot.Storage;
using TapBot.Teams;

namespace TapBot.Hosting;

/// <summary>TapBot's services, one method per area; each area binds and checks its own settings section.</summary>
public static class TapBotServiceCollectionExtensions
{
    /// <summary>Everything TapBot runs: domain rules, Graph, storage, the Teams edge, chat commands, card actions, jobs.</summary>
    public static WebApplicationBuilder AddTapBot(this WebApplicationBuilder builder, TapTenant tenant, BotOptions bot)
    {
        TelemetryOptions.AddTapTelemetry(builder);
        var services = builder.Services;
        services.AddSingleton(tenant);
        services.AddTapDomain(builder.Configuration);
        services.AddTapGraph(builder.Configuration);
        services.AddTapStorage(builder.Configuration);
        services.AddTapTeams(builder.Configuration, bot);
        services.AddTapChatCommands();
        services.AddTapCardActions();
        services.AddTapJobs();
        return builder;
    }

    /// <summary>The Bot Framework adapter and authentication, the activity handler, and how TapBot reaches people in Teams.</summary>
    public static IServiceCollection AddTapTeams(this IServiceCollection services, IConfiguration configuration, BotOptions bot)
    {
        services.AddOptions<BotOptions>().Bind(configuration.GetSection(BotOptions.Section));
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
        services.AddSingleton<WarmUp>();
        services.AddHostedService(sp => sp.GetRequiredService<WarmUp>());
        services.AddSingleton<IWarmUpStep, GraphWarmUp>();
        services.AddSingleton<IWarmUpStep, StorageWarmUp>();
        services.AddSingleton<IWarmUpStep, TeamsWarmUp>();
        services.AddScoped<ProactiveMessenger>();
        services.AddScoped<IApprovalCards, TeamsApprovalCardPoster>();
        services.AddScoped<IPasscodeDelivery, TeamsPasscodeDelivery>();
        services.AddScoped<ISecurityAlerts, TeamsSecurityAlerts>();
        services.AddScoped<IEntitlementCards, TeamsEntitlementCards>();
        services.AddScoped<OwnCards>();
        services.AddScoped<SharedConversations>();
        services.AddScoped<IBot, TapActivityHandler>();
        return services;
    }

    /// <summary>One handler per parsed chat command, and the router that picks it.</summary>
    public static IServiceCollection AddTapChatCommands(this IServiceCollection services)
    {
        services.AddScoped<IChatCommandHandler, HelpCommandHandler>();
        services.AddScoped<IChatCommandHandler, UnknownCommandHandler>();
        services.AddScoped<IChatCommandHandler, PolicyCommandHandler>();
        services.AddScoped<IChatCommandHandler, StatusCommandHandler>();
        services.AddScoped<IChatCommandHandler, IssueCommandHandler>();
        services.AddScoped<IChatCommandHandler, RevokeCommandHandler>();
        services.AddScoped<IChatCommandHandler, RequestHelpCommandHandler>();
        services.AddScoped<IChatCommandHandler, AuditCommandHandler>();
        services.AddScoped<IChatCommandHandler, ApproverChannelCommandHandler>();
        services.AddScoped<IChatCommandHandler, SecurityAlertChannelCommandHandler>();
        services.AddScoped<ChatCommandRouter>();
        return services;
    }

    /// <summary>One action per card verb, and the router that picks it.</summary>
    public static IServiceCollection AddTapCardActions(this IServiceCollection services)
    {
        services.AddScoped<ICardAction, ShowStatusAction>();
        services.AddScoped<ICardAction, PrepareIssueAction>();
        services.AddScoped<ICardAction, IssuePassAction>();
        services.AddScoped<ICardAction, RevokePassAction>();
        services.AddScoped<ICardAction, ShowCodeAction>();
        services.AddScoped<ICardAction, CancelAction>();
        services.AddScoped<ICardAction, PrepareRequestAction>();
        services.AddScoped<ICardAction, RequestPassAction>();
        services.AddScoped<ICardAction, ApproveRequestAction>();
        services.AddScoped<ICardAction, DenyRequestAction>();
        services.AddScoped<ICardAction, RefreshRequestAction>();
        services.AddScoped<CardActionRouter>();
        return services;
    }

    /// <summary>The host's leased background jobs (the audit retention job comes with storage).</summary>
    public static IServiceCollection AddTapJobs(this IServiceCollection services)
    {
        services.AddHostedService<RedactionJob>();
        services.AddHostedService<RecoveryJob>();
        services.AddHostedService<EntitlementJob>();
        // Also resolvable by type, so tests and operators can run one now.
        services.AddSingleton<AuditHeadJob>();
        services.AddHostedService(sp => sp.GetRequiredService<AuditHeadJob>());
        services.AddSingleton<ApprovalJob>();
        services.AddHostedService(sp => sp.GetRequiredService<ApprovalJob>());
        return services;
    }
}
