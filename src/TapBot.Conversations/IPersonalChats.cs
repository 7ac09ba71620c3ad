namespace TapBot.Conversations;

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

    /// <summary>The most recently seen personal chat in the tenant: where (service URL, bot id) a new 1:1 chat can be opened.</summary>
    Task<PersonalChat?> FindLatestAsync(string tenantId, CancellationToken ct);

    /// <summary>The known personal chats of these people (those never seen are left out).</summary>
    Task<IReadOnlyList<PersonalChat>> FindManyAsync(string tenantId, IReadOnlyCollection<string> personIds, CancellationToken ct);
}

/// <summary>
/// A person's 1:1 conversation with the bot, as the channel described it. <see cref="UserId"/> is the person's id for
/// this bot in Teams ("29:…"), which a card's refresh list needs.
/// </summary>
public sealed record PersonalChat(
    string TenantId,
    string PersonId,
    ConversationAddress Address,
    DateTimeOffset SeenAt,
    string? UserId = null);
