namespace TapBot.Teams;

/// <summary>
/// The bot's Azure Bot registration. Bound from the <c>Bot</c> section. An empty app id turns off Bot Framework
/// authentication, which TapBot allows only with the simulated tenant while it listens on loopback (local demo and tests).
/// </summary>
public sealed class BotOptions
{
    public const string Section = "Bot";

    /// <value><c>SingleTenant</c> or <c>UserAssignedMsi</c>. MultiTenant is deprecated for new bots and refused.</value>
    public string? MicrosoftAppType { get; set; }

    /// <value>The bot's app (client) id; empty only for the local, anonymous mode.</value>
    public string? MicrosoftAppId { get; set; }

    /// <value>The tenant the bot's app registration lives in.</value>
    public string? MicrosoftAppTenantId { get; set; }

    /// <value>Secret. The bot's client secret for SingleTenant; environment variable or user-secrets only.</value>
    public string? MicrosoftAppPassword { get; set; }

    /// <value>
    /// Where the channel's token signing keys are published (an https OpenID metadata document). Empty = the public
    /// Azure cloud's (login.botframework.com). Set it, with <see cref="ToBotFromChannelTokenIssuer"/>, only for a
    /// national or private cloud; it changes which keys are trusted, never whether tokens are checked.
    /// </value>
    public string? ToBotFromChannelOpenIdMetadataUrl { get; set; }

    /// <value>The issuer of the channel's tokens in that cloud. Empty = the public cloud's (https://api.botframework.com).</value>
    public string? ToBotFromChannelTokenIssuer { get; set; }

    /// <value>Largest accepted request on /api/messages, in bytes. Default 512 KB (Teams messages are ≤ 100 KB).</value>
    public int MaxActivityBytes { get; set; } = 512 * 1024;

    public bool IsAnonymous => string.IsNullOrWhiteSpace(MicrosoftAppId);

    public bool HasChannelCloud => !string.IsNullOrWhiteSpace(ToBotFromChannelOpenIdMetadataUrl) || !string.IsNullOrWhiteSpace(ToBotFromChannelTokenIssuer);
}
