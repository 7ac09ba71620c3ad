using TapBot.Cards;
using TapBot.Conversations;
using TapBot.Domain;
using TapBot.Domain.Entitlements;
using TapBot.Domain.Ports;

namespace TapBot.Teams;

/// <summary>
/// Posts an entitlement's card (never a code) to the recipient's own 1:1 chat and rewrites it as the entitlement
/// changes. The chat is the recipient's personal chat, never a group chat or channel.
/// </summary>
public sealed class TeamsEntitlementCards(ProactiveMessenger messenger, IPersonalChats chats, TapTenant tenant, ILogger<TeamsEntitlementCards> logger)
    : IEntitlementCards
{
    public async Task<EntitlementCard?> PostAsync(PassEntitlement entitlement, CancellationToken ct)
    {
        var chat = await messenger.OpenPersonalChatAsync(entitlement.RecipientId, ct);
        if (chat is null) return null;
        var messageId = await messenger.SendAsync(ProactiveMessenger.Personal(chat), EntitlementCards.Ready(entitlement), EntitlementCards.Summary(entitlement), ct);
        return messageId is null ? null : new EntitlementCard(chat.Address.ConversationId, messageId);
    }

    public async Task<bool> RewriteAsync(PassEntitlement entitlement, CancellationToken ct)
    {
        if (entitlement.Card is not { } card) return false;
        var chat = await chats.FindAsync(tenant.Id, entitlement.RecipientId, ct);
        if (chat is null || chat.Address.ConversationId != card.ConversationId)
        {
            logger.LogInformation("The entitlement card for {RecipientId} cannot be rewritten: the chat is no longer known", entitlement.RecipientId);
            return false;
        }

        return await messenger.UpdateAsync(ProactiveMessenger.Personal(chat), card.MessageId, EntitlementCards.ForState(entitlement),
            EntitlementCards.Summary(entitlement), ct);
    }
}
