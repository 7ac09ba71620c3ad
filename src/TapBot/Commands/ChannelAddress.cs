using Microsoft.Bot.Schema;
using TapBot.Conversations;

namespace TapBot.Commands;

/// <summary>
/// The channel a message was typed in, as TapBot posts to it. A reply thread's conversation id ends in
/// ";messageid=…"; TapBot's own posts start new threads in the channel itself.
/// </summary>
public static class ChannelAddress
{
    public static string ChannelOf(string conversationId) => conversationId.Split(";messageid=")[0];

    public static ConversationAddress Of(IActivity activity) =>
        new(activity.ChannelId, activity.ServiceUrl, ChannelOf(activity.Conversation.Id), activity.Recipient?.Id ?? "");
}
