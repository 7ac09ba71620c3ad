namespace TapBot.Domain.Ports;

/// <summary>
/// Where each person's 1:1 chat with TapBot is, so a passcode can later be sent there and nowhere else. Teams has
/// no "message this UPN": the bot can only write to a conversation it has seen or created.
/// </summary>
public interface IPersonalChats
{
    /// <summary>Records (or refreshes) a person's personal chat; Teams may move it to another service URL.</summary>
    Task RememberAsync(PersonalChat chat, CancellationToken ct);

    /// <summary>The person's personal chat with TapBot, or null when they have never talked to it.</summary>
    Task<PersonalChat?> FindAsync(string tenantId, string personId, CancellationToken ct);
}

/// <summary>A person's 1:1 conversation with the bot, as the channel described it.</summary>
public sealed record PersonalChat(
    string TenantId,
    string PersonId,
    string ChannelId,
    string ServiceUrl,
    string ConversationId,
    string BotId,
    DateTimeOffset SeenAt);
