using Microsoft.Bot.Schema;
using TapBot.Cards;
using TapBot.Commands;

namespace TapBot.Teams;

/// <summary>
/// The one rule for group chats and channels ("shared conversations", where every member, guests included, reads
/// along): anything about a person (their pass, audit trail, job title or UPN) and every form or pick list is answered
/// in the asker's 1:1 chat; the shared conversation gets one neutral line. Only answers that name nobody and carry no
/// inputs are given in place. Buttons act in a shared conversation only on the approval cards TapBot itself posts in
/// the approvers' channel.
/// </summary>
public static class SharedConversationRule
{
    /// <summary>
    /// Whether the conversation is shared. Only a conversation Teams calls "personal" (and not a group) is private;
    /// "groupChat", "channel", and anything unknown or missing count as shared.
    /// </summary>
    public static bool IsShared(IActivity activity) =>
        activity.Conversation is not { ConversationType: "personal", IsGroup: not true };

    /// <summary>
    /// Commands whose answer may stay in a shared conversation: help, the tenant's policy, and choosing the approvers'
    /// or the security-alerts channel (channel settings, answered where they were typed). Everything else, including any command added later
    /// and not listed here, goes to the asker's 1:1 chat.
    /// </summary>
    public static bool AnswersInPlace(BotCommand command) => command is
        BotCommand.Help or BotCommand.Unknown or BotCommand.Policy or BotCommand.SetApproverChannel
        or BotCommand.SetSecurityAlertChannel;

    /// <summary>
    /// Verbs that may act in a shared conversation: the approval card's own buttons, and only on a card TapBot posted
    /// in the approvers' channel (checked by <see cref="SharedConversations"/>). Every other button is refused there.
    /// </summary>
    public static bool IsApprovalCardVerb(string? verb) =>
        verb is CardVerbs.ApproveRequest or CardVerbs.DenyRequest or CardVerbs.RefreshRequest;

    /// <summary>A channel thread's conversation id without its ";messageid=…" suffix: the channel itself.</summary>
    public static string ChannelOf(string conversationId) => ChannelAddress.ChannelOf(conversationId);
}
