using System.Collections.Concurrent;
using Microsoft.Bot.Schema;
using TapBot.Conversations;
using TapBot.Domain.Ports;
using TapBot.Domain;

namespace TapBot.Teams;

/// <summary>
/// Remembers each person's 1:1 chat with TapBot from the messages and card clicks they send, so a passcode can later be
/// delivered there privately. Writes only when something changed since this process last wrote it.
/// </summary>
public sealed class PersonalChatRecorder(TapTenant tenant, TimeProvider time, IServiceScopeFactory scopes, ILogger<PersonalChatRecorder> logger)
{
    private const int MaxRemembered = 10_000;
    private readonly ConcurrentDictionary<string, string> _lastWritten = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Records the chat of a requester whose identity <see cref="TurnIdentity"/> has already accepted. Best effort:
    /// a storage hiccup must not cost the person their answer.
    /// </summary>
    public async Task RecordAsync(IActivity activity, Domain.Requester requester, CancellationToken ct)
    {
        // Only what the person sent themselves, a message or a card click; installation and conversation updates are
        // events about a chat, not a person asking for something.
        if (activity.Type is not (ActivityTypes.Message or ActivityTypes.Invoke)
            || activity.Conversation is not { ConversationType: "personal", Id: { Length: > 0 } conversationId }
            || string.IsNullOrWhiteSpace(activity.ServiceUrl))
        {
            return;
        }

        var personId = requester.ObjectId;

        var fingerprint = $"{activity.ChannelId}|{activity.ServiceUrl}|{conversationId}|{activity.Recipient?.Id}|{activity.From?.Id}";
        if (_lastWritten.TryGetValue(personId, out var last) && last == fingerprint) return;

        try
        {
            // A scope of its own: most turns need no write, and they should not pay for a database context.
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<IPersonalChats>().RememberAsync(new PersonalChat(tenant.Id, personId,
                new ConversationAddress(activity.ChannelId, activity.ServiceUrl, conversationId, activity.Recipient?.Id ?? ""), time.GetUtcNow(), activity.From?.Id), ct);
            if (_lastWritten.Count >= MaxRemembered) _lastWritten.Clear();
            _lastWritten[personId] = fingerprint;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Could not record the personal chat of {PersonId}", personId);
        }
    }
}
