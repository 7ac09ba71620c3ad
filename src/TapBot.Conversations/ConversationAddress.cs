namespace TapBot.Conversations;

/// <summary>
/// Where a Teams conversation is, as the channel described it: the channel ("msteams"), the service URL to call, the
/// conversation's id and the bot's id in it. Everything TapBot needs to write there again.
/// </summary>
public sealed record ConversationAddress(string ChannelId, string ServiceUrl, string ConversationId, string BotId);
