using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using TapBot.Actions;
using TapBot.Cards;
using TapBot.Conversations;
using TapBot.Domain;
using TapBot.Domain.Telemetry;

namespace TapBot.Teams;

/// <summary>
/// Applies <see cref="SharedConversationRule"/> in group chats and channels: private answers go to the asker's 1:1
/// chat (opened when none is known) and the shared conversation gets one neutral line; buttons there do nothing,
/// except on the approval cards TapBot posted in the approvers' channel.
/// </summary>
public sealed class SharedConversations(
    ProactiveMessenger messenger,
    OwnCards ownCards,
    IRequestCardCopies requestCards,
    ILogger<SharedConversations> logger)
{
    // Telemetry tags name only TapBot's own verbs, never whatever a forged click carries.
    private static readonly HashSet<string> KnownVerbs = typeof(CardVerbs).GetFields()
        .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// Answers in the asker's 1:1 chat. The command runs only once that chat is open, so an asker TapBot cannot reach
    /// privately gets no answer anywhere (and no lookup is made or audited on their behalf).
    /// </summary>
    public async Task AnswerPrivatelyAsync(ITurnContext turn, Requester requester, Func<CancellationToken, Task<CardReply>> answer, CancellationToken ct)
    {
        var activity = turn.Activity;
        var here = new ConversationAddress(activity.ChannelId, activity.ServiceUrl, activity.Conversation?.Id ?? "", activity.Recipient?.Id ?? "");
        var chat = await messenger.OpenPersonalChatAsync(requester.ObjectId, here, ct);
        if (chat is null)
        {
            logger.LogInformation("A shared-conversation command from {RequesterId} was not answered: no 1:1 chat could be opened", requester.ObjectId);
            await turn.SendActivityAsync(MessageFactory.Text(SharedConversationReplies.OpenPrivateChat), ct);
            return;
        }

        var reply = await answer(ct);
        var messageId = await messenger.SendAsync(ProactiveMessenger.Personal(chat), reply.Card, reply.Summary, ct);
        if (messageId is null)
        {
            // A stored chat Teams no longer accepts (the app was removed or the chat blocked).
            await turn.SendActivityAsync(MessageFactory.Text(SharedConversationReplies.OpenPrivateChat), ct);
            return;
        }

        await ownCards.RememberAsync(reply.Card, chat.Address.ConversationId, messageId, ct);
        await turn.SendActivityAsync(MessageFactory.Text(SharedConversationReplies.AnsweredPrivately), ct);
    }

    /// <summary>
    /// Whether a click in a shared conversation may go ahead: only an approval card's button, in a channel where TapBot
    /// posted that request's approvers'-channel copy. Old form cards, pick lists and forged clicks are refused.
    /// </summary>
    public async Task<bool> MayActAsync(string? verb, CardData data, IActivity activity, CancellationToken ct)
    {
        var allowed = SharedConversationRule.IsApprovalCardVerb(verb)
                      && activity.Conversation is { ConversationType: "channel", Id: { Length: > 0 } conversationId }
                      && Guid.TryParse(data.Text("requestId"), out var requestId)
                      && (await requestCards.ListAsync(requestId, ct)).Any(c =>
                          c.Role == RequestCardRole.ApproversChannel && c.Address.ConversationId == SharedConversationRule.ChannelOf(conversationId));
        if (!allowed)
        {
            TapBotTelemetry.CardActions.Add(1, TapBotTelemetry.Tag("verb", KnownVerbs.Contains(verb ?? "") ? verb : "unknown"), TapBotTelemetry.Tag("outcome", "shared_refused"));
            logger.LogInformation("Card action {Verb} in a {ConversationType} conversation refused: buttons act only in 1:1 chats and on approvers'-channel cards",
                verb, activity.Conversation?.ConversationType);
        }

        return allowed;
    }
}
