using Microsoft.Bot.Builder;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using TapBot.Actions;
using TapBot.Commands;
using TapBot.Domain;
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

        var tenant = await EmbeddedSimulatedTenant.ConfigureAsync(builder);
        var graph = builder.Configuration.GetSection(GraphOptions.Section).Get<GraphOptions>() ?? new GraphOptions();
        if (graph.Problems().FirstOrDefault() is { } graphProblem) throw new StartupProblemException(graphProblem);
        if (!Guid.TryParse(tenant.Id, out _)) throw new StartupProblemException("Graph:TenantId must be the tenant's GUID.");

        var roles = builder.Configuration.GetSection(RoleOptions.Section).Get<RoleOptions>() ?? new RoleOptions();
        if (roles.Problems().FirstOrDefault() is { } roleProblem) throw new StartupProblemException(roleProblem);

        var storage = builder.Configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        if (storage.Problems().FirstOrDefault() is { } storageProblem) throw new StartupProblemException(storageProblem);

        var bot = builder.Configuration.GetSection(BotOptions.Section).Get<BotOptions>() ?? new BotOptions();
        BotAuthenticationFactory.Validate(bot, ListenAddresses.From(builder.Configuration));

        TelemetryOptions.AddTapTelemetry(builder);
        var services = builder.Services;
        services.AddSingleton(tenant);
        services.AddTapDomain(builder.Configuration);
        services.AddTapGraph(builder.Configuration);
        services.AddTapStorage(builder.Configuration);
        services.AddOptions<BotOptions>().Bind(builder.Configuration.GetSection(BotOptions.Section));
        services.AddHttpClient();
        services.AddSingleton<ConnectorClientCache>();
        // TryAdd: the benchmark swaps in the stock per-turn connector clients to measure what reuse buys.
        services.TryAddSingleton<BotFrameworkAuthentication>(sp => new ReusableConnectorAuthentication(
            BotAuthenticationFactory.Create(
                sp.GetRequiredService<IOptions<BotOptions>>().Value,
                sp.GetRequiredService<IHttpClientFactory>(),
                sp.GetRequiredService<ILogger<BotFrameworkAuthentication>>()),
            sp.GetRequiredService<ConnectorClientCache>()));
        services.AddSingleton<TapCloudAdapter>();
        services.AddSingleton<TurnIdentity>();
        services.AddSingleton<PersonalChatRecorder>();
        services.AddSingleton<Readiness>();
        services.AddScoped<ChatCommands>();
        services.AddScoped<ICardAction, ShowStatusAction>();
        services.AddScoped<CardActionRouter>();
        services.AddScoped<IBot, TapActivityHandler>();

        var app = builder.Build();
        app.MapPost("/api/messages", BotEndpoint.HandleAsync);
        app.MapGet("/healthz", () => Results.Json(new { status = "alive" }));
        app.MapGet("/readyz", Readiness.HandleAsync);
        return app;
    }
}
