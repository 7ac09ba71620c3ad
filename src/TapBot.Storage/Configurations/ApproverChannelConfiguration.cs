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
        e.OwnsAddress(c => c.Address);
        e.Property(c => c.TeamId).HasMaxLength(512);
        e.Property(c => c.SetBy).HasMaxLength(64);
    }
}
