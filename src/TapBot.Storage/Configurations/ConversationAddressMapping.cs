using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TapBot.Storage.Configurations;

internal static class ConversationAddressMapping
{
    /// <summary>Maps an owner's address to the columns every such table has always had (required, so never null).</summary>
    public static void OwnsAddress<TOwner>(this EntityTypeBuilder<TOwner> owner, Expression<Func<TOwner, ConversationAddressRecord?>> address)
        where TOwner : class
    {
        owner.OwnsOne(address, (OwnedNavigationBuilder<TOwner, ConversationAddressRecord> a) =>
        {
            a.Property(x => x.ChannelId).HasColumnName(nameof(ConversationAddressRecord.ChannelId)).HasMaxLength(64);
            a.Property(x => x.ServiceUrl).HasColumnName(nameof(ConversationAddressRecord.ServiceUrl)).HasMaxLength(2048);
            a.Property(x => x.ConversationId).HasColumnName(nameof(ConversationAddressRecord.ConversationId)).HasMaxLength(512);
            a.Property(x => x.BotId).HasColumnName(nameof(ConversationAddressRecord.BotId)).HasMaxLength(256);
        });
        owner.Navigation(address).IsRequired();
    }
}
