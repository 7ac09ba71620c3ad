using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using TapBot.Graph;
using TapBot.Teams;

namespace TapBot.Hosting;

/// <summary>
/// Builds Bot Framework authentication from <see cref="BotOptions"/> and refuses settings that would leave the bot
/// open: anonymous mode with a real tenant or on a non-loopback address, MultiTenant, or an incomplete registration.
/// </summary>
public static class BotAuthenticationFactory
{
    public static void Validate(BotOptions bot, IReadOnlyList<string> listenUrls, GraphMode graphMode)
    {
        var type = bot.MicrosoftAppType?.Trim() ?? "";
        if (bot.IsAnonymous)
        {
            // Without a registration every activity is believed as sent (sender, tenant, serviceUrl), and any program on
            // this machine, a browser page included, can send one: fine for the fictitious simulated tenant, never
            // with credentials that create real passes.
            if (graphMode == GraphMode.Live)
            {
                throw new StartupProblemException(
                    "Bot:MicrosoftAppId is empty, which turns off Bot Framework authentication, but Graph:Mode is Live (a real " +
                    "tenant). Anonymous mode is only for the simulated tenant. Either register the bot (Bot:MicrosoftAppId, " +
                    "Bot:MicrosoftAppType and Bot:MicrosoftAppTenantId) or use the simulated tenant (Graph:Mode=Simulated, " +
                    "without Graph:TenantId and Graph:ClientId).");
            }

            var open = listenUrls.Where(u => !ListenAddresses.IsLoopback(u)).ToList();
            if (open.Count > 0)
            {
                throw new StartupProblemException(
                    $"Bot:MicrosoftAppId is empty, which turns off Bot Framework authentication. That is allowed only while TapBot " +
                    $"listens on loopback, but it is set to listen on {string.Join(", ", open)}. Either set Bot:MicrosoftAppId, " +
                    "Bot:MicrosoftAppType (SingleTenant or UserAssignedMsi) and Bot:MicrosoftAppTenantId, or listen on " +
                    "http://127.0.0.1:<port> only (urls / ASPNETCORE_URLS).");
            }

            if (type.Length > 0)
            {
                throw new StartupProblemException($"Bot:MicrosoftAppType is '{type}' but Bot:MicrosoftAppId is empty. Set the app id, or clear both for the local anonymous mode.");
            }

            if (bot.HasChannelCloud)
            {
                throw new StartupProblemException("Bot:ToBotFromChannelOpenIdMetadataUrl and Bot:ToBotFromChannelTokenIssuer need a bot registration (Bot:MicrosoftAppId).");
            }

            return;
        }

        ValidateChannelCloud(bot);

        if (!Guid.TryParse(bot.MicrosoftAppId, out _))
        {
            throw new StartupProblemException("Bot:MicrosoftAppId must be the Azure Bot's app (client) id, a GUID.");
        }

        if (!Guid.TryParse(bot.MicrosoftAppTenantId, out _))
        {
            throw new StartupProblemException("Bot:MicrosoftAppTenantId must be the tenant id (GUID) of the bot's app registration.");
        }

        switch (type.ToLowerInvariant())
        {
            case "singletenant" when string.IsNullOrWhiteSpace(bot.MicrosoftAppPassword):
                throw new StartupProblemException(
                    "Bot:MicrosoftAppPassword is required when Bot:MicrosoftAppType is SingleTenant. Set it as the environment variable " +
                    "Bot__MicrosoftAppPassword or with user-secrets, never in appsettings.json.");
            case "singletenant":
                return;
            case "userassignedmsi" when !string.IsNullOrWhiteSpace(bot.MicrosoftAppPassword):
                throw new StartupProblemException("Bot:MicrosoftAppPassword must be empty when Bot:MicrosoftAppType is UserAssignedMsi.");
            case "userassignedmsi":
                return;
            case "multitenant":
                throw new StartupProblemException("Bot:MicrosoftAppType MultiTenant is deprecated for new Azure Bots. Use SingleTenant or UserAssignedMsi.");
            default:
                throw new StartupProblemException($"Bot:MicrosoftAppType must be SingleTenant or UserAssignedMsi, not '{type}'.");
        }
    }

    private static void ValidateChannelCloud(BotOptions bot)
    {
        if (!bot.HasChannelCloud) return;
        if (string.IsNullOrWhiteSpace(bot.ToBotFromChannelTokenIssuer) || string.IsNullOrWhiteSpace(bot.ToBotFromChannelOpenIdMetadataUrl))
        {
            throw new StartupProblemException("Set both Bot:ToBotFromChannelOpenIdMetadataUrl and Bot:ToBotFromChannelTokenIssuer (another cloud's channel), or neither (the public cloud).");
        }

        if (!Uri.TryCreate(bot.ToBotFromChannelOpenIdMetadataUrl, UriKind.Absolute, out var metadata) || metadata.Scheme != Uri.UriSchemeHttps)
        {
            throw new StartupProblemException("Bot:ToBotFromChannelOpenIdMetadataUrl must be an absolute https URL.");
        }
    }

    public static BotFrameworkAuthentication Create(BotOptions bot, IHttpClientFactory httpClients, ILogger logger)
    {
        // ConfigurationBotFrameworkAuthentication reads the classic keys at the root of the section it is given.
        var settings = new Dictionary<string, string?>();
        if (!bot.IsAnonymous)
        {
            settings["MicrosoftAppType"] = bot.MicrosoftAppType;
            settings["MicrosoftAppId"] = bot.MicrosoftAppId;
            settings["MicrosoftAppTenantId"] = bot.MicrosoftAppTenantId;
            settings["MicrosoftAppPassword"] = bot.MicrosoftAppPassword;
        }

        if (!bot.IsAnonymous && bot.HasChannelCloud)
        {
            // Setting any of these switches the SDK to its parameterized authentication, which then needs them all: the
            // channel's keys and issuer as configured, everything else (outbound sign-in, emulator, OAuth) as the public
            // cloud has it.
            settings["ToBotFromChannelOpenIdMetadataUrl"] = bot.ToBotFromChannelOpenIdMetadataUrl;
            settings["ToBotFromChannelTokenIssuer"] = bot.ToBotFromChannelTokenIssuer;
            settings["ToChannelFromBotLoginUrl"] = AuthenticationConstants.ToChannelFromBotLoginUrlTemplate;
            settings["ToChannelFromBotOAuthScope"] = AuthenticationConstants.ToChannelFromBotOAuthScope;
            settings["ToBotFromEmulatorOpenIdMetadataUrl"] = AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl;
            settings["OAuthUrl"] = AuthenticationConstants.OAuthUrl;
            settings["CallerId"] = CallerIdConstants.PublicAzureChannel;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ConfigurationBotFrameworkAuthentication(configuration, httpClientFactory: httpClients, logger: logger);
    }
}
