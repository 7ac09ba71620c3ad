using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TapBot.Storage.Configurations;

internal sealed class ApproverChannelConfiguration : IEntityTypeConfiguration<ApproverChannelRecord>
{
    public void Configure(EntityTypeBuilder<ApproverChannelRecord> e)
    {
        e.ToTable("approver_channels");
        e.HasKey(c => c.TenantId);
        e.Property(c => c.TenantId).HasMaxLength(64);
        e.Property(c => c.ChannelId).HasMaxLength(64);
        e.Property(c => c.ServiceUrl).HasMaxLength(2048);
        e.Property(c => c.ConversationId).HasMaxLength(512);
        e.Property(c => c.TeamId).HasMaxLength(512);
        e.Property(c => c.BotId).HasMaxLength(256);
        e.Property(c => c.SetBy).HasMaxLength(64);
    }
}
