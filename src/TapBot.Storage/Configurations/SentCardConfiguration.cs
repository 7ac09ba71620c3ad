using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TapBot.Storage.Configurations;

internal sealed class SentCardConfiguration : IEntityTypeConfiguration<SentCardRecord>
{
    public void Configure(EntityTypeBuilder<SentCardRecord> e)
    {
        e.ToTable("sent_cards");
        e.HasKey(c => new { c.ConversationId, c.MessageId });
        e.Property(c => c.ConversationId).HasMaxLength(512);
        e.Property(c => c.MessageId).HasMaxLength(256);
        e.Property(c => c.Flow).HasMaxLength(32);
    }
}
