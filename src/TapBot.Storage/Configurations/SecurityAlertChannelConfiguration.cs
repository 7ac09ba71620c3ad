using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TapBot.Storage.Configurations;

internal sealed class SecurityAlertChannelConfiguration : IEntityTypeConfiguration<SecurityAlertChannelRecord>
{
    public void Configure(EntityTypeBuilder<SecurityAlertChannelRecord> e)
    {
        e.ToTable("security_alert_channels");
        e.HasKey(c => c.TenantId);
        e.Property(c => c.TenantId).HasMaxLength(64);
        e.OwnsAddress(c => c.Address);
        e.Property(c => c.SetBy).HasMaxLength(64);
    }
}
