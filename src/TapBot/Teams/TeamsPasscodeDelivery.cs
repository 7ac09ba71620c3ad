using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using TapBot.Cards;
using TapBot.Domain;
using TapBot.Domain.Issuance;
using TapBot.Domain.Passes;
using TapBot.Domain.People;
using TapBot.Domain.Ports;
using TapBot.Domain.Requests;
using TapBot.Hosting;

namespace TapBot.Teams;

/// <summary>
/// Delivers a passcode to the recipient's own 1:1 chat with TapBot (a proactive message to the stored personal
/// chat), never to a group chat or channel. The code is in the card only: not in the message text, not in the
/// summary a notification shows, not in any log.
/// </summary>
public sealed class TeamsPasscodeDelivery(
    TapCloudAdapter adapter,
    IPersonalChats chats,
    TapTenant tenant,
    IOptions<BotOptions> bot,
    ILogger<TeamsPasscodeDelivery> logger) : IPasscodeDelivery
{
    public async Task<bool> CanReachAsync(string personId, CancellationToken ct) =>
        await chats.FindAsync(tenant.Id, personId, ct) is not null;

    public async Task<DeliveryReceipt> DeliverAsync(string recipientId, Person target, IssuedPass pass, Requester issuer, CancellationToken ct)
    {
        var chat = await chats.FindAsync(tenant.Id, recipientId, ct)
                   ?? throw new DeliveryFailedException("The recipient has no personal chat with TapBot.");
        var reference = Reference(chat, recipientId);
        string? messageId = null;
        try
        {
            await adapter.ContinueConversationAsync(bot.Value.MicrosoftAppId ?? "", reference, async (turn, token) =>
            {
                var card = PasscodeCards.Delivered(target, pass, issuer);
                var response = await turn.SendActivityAsync(CardResponses.Activity(card, "A Temporary Access Pass for you"), token);
                messageId = response?.Id;
            }, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The exception may describe the request, never its body; the code is not in it.
            logger.LogWarning("Passcode delivery to {RecipientId} failed: {Error}", recipientId, e.GetType().Name);
            throw new DeliveryFailedException("Teams did not accept the message.", e);
        }

        return new DeliveryReceipt(chat.ConversationId, messageId ?? throw new DeliveryFailedException("Teams returned no message id."));
    }

    public async Task RedactAsync(string recipientId, Delivery delivery, string why, CancellationToken ct)
    {
        var chat = await chats.FindAsync(tenant.Id, recipientId, ct);
        if (chat is null || chat.ConversationId != delivery.ConversationId)
        {
            // The chat moved; the old card cannot be reached any more. The pass itself is already gone.
            logger.LogWarning("Could not redact the passcode card for {RecipientId}: the chat is no longer known", recipientId);
            return;
        }

        await adapter.ContinueConversationAsync(bot.Value.MicrosoftAppId ?? "", Reference(chat, recipientId), async (turn, token) =>
        {
            var update = (Activity)CardResponses.Activity(PasscodeCards.Redacted(why), "Temporary Access Pass " + why);
            update.Id = delivery.MessageId;
            await turn.UpdateActivityAsync(update, token);
        }, ct);
    }

    private static ConversationReference Reference(PersonalChat chat, string recipientId) => new()
    {
        ChannelId = chat.ChannelId,
        ServiceUrl = chat.ServiceUrl,
        Conversation = new ConversationAccount(isGroup: false, conversationType: "personal", id: chat.ConversationId, tenantId: chat.TenantId),
        Bot = new ChannelAccount(chat.BotId),
        User = new ChannelAccount(aadObjectId: recipientId),
    };
}
