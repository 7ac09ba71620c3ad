using TapBot.Conversations;

namespace TapBot.Storage;

/// <summary>
/// Where a Teams conversation is (the channel, the service URL to call, the conversation and the bot's id in it): an
/// owned type, stored in the owner's own columns under their original names. The stored form of
/// <see cref="ConversationAddress"/>.
/// </summary>
internal sealed class ConversationAddressRecord
{
    public string ChannelId { get; set; } = "";
    public string ServiceUrl { get; set; } = "";
    public string ConversationId { get; set; } = "";
    public string BotId { get; set; } = "";

    public static ConversationAddressRecord From(ConversationAddress address) => new ConversationAddressRecord().Set(address);

    /// <summary>The contract's value. (Methods, not a property: EF would map a property of a class type as a navigation.)</summary>
    public ConversationAddress ToAddress() => new(ChannelId, ServiceUrl, ConversationId, BotId);

    /// <summary>Overwrites the columns in place, so the owned entry stays the same one.</summary>
    public ConversationAddressRecord Set(ConversationAddress address)
    {
        (ChannelId, ServiceUrl, ConversationId, BotId) = (address.ChannelId, address.ServiceUrl, address.ConversationId, address.BotId);
        return this;
    }
}
