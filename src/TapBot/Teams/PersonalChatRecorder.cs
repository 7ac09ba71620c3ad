using System.Collections.Concurrent;
using Microsoft.Bot.Schema;
using TapBot.Domain.Ports;

namespace TapBot.Teams;

/// <summary>
/// Remembers each person's 1:1 chat with TapBot from the activities they send, so a passcode can later be delivered
/// there privately. Writes only when something changed since this process last wrote it.
/// </summary>
public sealed class PersonalChatRecorder(TapTenant tenant, TimeProvider time, IServiceScopeFactory scopes)
{
    private const int MaxRemembered = 10_000;
    private readonly ConcurrentDictionary<string, string> _lastWritten = new(StringComparer.OrdinalIgnoreCase);

    public async Task RecordAsync(IActivity activity, CancellationToken ct)
    {
        if (activity.Conversation is not { ConversationType: "personal", Id: { Length: > 0 } conversationId }
            || activity.From?.AadObjectId is not { } personId || !Guid.TryParse(personId, out _)
            || !string.Equals(activity.Conversation.TenantId, tenant.Id, StringComparison.OrdinalIgnoreCase)
            || string.IsNullOrWhiteSpace(activity.ServiceUrl))
        {
            return;
        }

        var fingerprint = $"{activity.ChannelId}|{activity.ServiceUrl}|{conversationId}|{activity.Recipient?.Id}";
        if (_lastWritten.TryGetValue(personId, out var last) && last == fingerprint) return;

        // A scope of its own: most turns need no write, and they should not pay for a database context.
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IPersonalChats>().RememberAsync(new PersonalChat(tenant.Id, personId, activity.ChannelId, activity.ServiceUrl, conversationId,
            activity.Recipient?.Id ?? "", time.GetUtcNow()), ct);
        if (_lastWritten.Count >= MaxRemembered) _lastWritten.Clear();
        _lastWritten[personId] = fingerprint;
    }
}
