namespace TapBot.Storage;

/// <summary>
/// Where a Teams conversation is (the channel, the service URL to call, the conversation and the bot's id in it): an
/// owned type, stored in the owner's own columns under their original names.
/// </summary>
internal sealed class ConversationAddressRecord
{
    public string ChannelId { get; set; } = "";
    public string ServiceUrl { get; set; } = "";
    public string ConversationId { get; set; } = "";
    public string BotId { get; set; } = "";
}
