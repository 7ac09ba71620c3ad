using Microsoft.Extensions.Options;
using TapBot.Cards;
using TapBot.Conversations;
using TapBot.Domain;
using TapBot.Domain.Issuance;
using TapBot.Domain.Passes;
using TapBot.Domain.People;
using TapBot.Domain.Ports;
using TapBot.Domain.Requests;

namespace TapBot.Teams;

/// <summary>
/// Delivers a passcode to the recipient's own 1:1 chat with TapBot (a proactive message to the stored personal
/// chat, or one opened for them), never to a group chat or channel. The code is in the card only: not in the message
/// text, not in the summary a notification shows, not in any log.
/// </summary>
public sealed class TeamsPasscodeDelivery(
    ProactiveMessenger messenger,
    IPersonalChats chats,
    TapTenant tenant,
    IOptions<IssuanceOptions> issuance,
    ILogger<TeamsPasscodeDelivery> logger) : IPasscodeDelivery
{
    public async Task<bool> CanReachAsync(string personId, CancellationToken ct) =>
        await chats.FindAsync(tenant.Id, personId, ct) is not null;

    public async Task<bool> EnsureReachableAsync(string personId, CancellationToken ct) =>
        await messenger.OpenPersonalChatAsync(personId, ct) is not null;

    public async Task<DeliveryReceipt> DeliverAsync(string recipientId, Person target, IssuedPass pass, Requester issuer, CancellationToken ct)
    {
        var chat = await chats.FindAsync(tenant.Id, recipientId, ct)
                   ?? throw new DeliveryFailedException("The recipient has no personal chat with TapBot.");
        var card = PasscodeCards.Delivered(target, pass, issuer, recipientId, issuance.Value.SecurityContact);
        var messageId = await messenger.SendAsync(ProactiveMessenger.Personal(chat), card, "A Temporary Access Pass for you", ct);
        return new DeliveryReceipt(chat.Address.ConversationId, messageId ?? throw new DeliveryFailedException("Teams did not accept the message."));
    }

    public async Task<bool> NotifyOwnerAsync(OwnerNotice notice, CancellationToken ct)
    {
        var chat = await messenger.OpenPersonalChatAsync(notice.Owner.Id, ct);
        return chat is not null
               && await messenger.SendAsync(ProactiveMessenger.Personal(chat), PasscodeCards.OwnerNotice(notice), "A Temporary Access Pass was issued for your account", ct) is not null;
    }

    public async Task<bool> RedactAsync(string recipientId, Delivery delivery, string why, CancellationToken ct)
    {
        var chat = await chats.FindAsync(tenant.Id, recipientId, ct);
        if (chat is null || chat.Address.ConversationId != delivery.ConversationId)
        {
            // The chat moved; the old card cannot be reached any more. The pass itself is already gone.
            // Retrying cannot help, so this counts as done.
            logger.LogWarning("Could not redact the passcode card for {RecipientId}: the chat is no longer known", recipientId);
            return true;
        }

        return await messenger.UpdateAsync(ProactiveMessenger.Personal(chat), delivery.MessageId, PasscodeCards.Redacted(why), "Temporary Access Pass " + why, ct);
    }
}
