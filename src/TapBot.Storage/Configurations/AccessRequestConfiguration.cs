using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TapBot.Storage.Configurations;

internal sealed class AccessRequestConfiguration : IEntityTypeConfiguration<AccessRequestRecord>
{
    public void Configure(EntityTypeBuilder<AccessRequestRecord> e)
    {
        e.ToTable("access_requests");
        e.HasKey(r => r.Id);
        e.Property(r => r.Version).IsConcurrencyToken();
        foreach (var id in new[] { nameof(AccessRequestRecord.TenantId), nameof(AccessRequestRecord.RequesterId), nameof(AccessRequestRecord.TargetId),
                     nameof(AccessRequestRecord.RecipientId), nameof(AccessRequestRecord.DeciderId) })
        {
            e.Property(id).HasMaxLength(64);
        }

        e.Property(r => r.Kind).HasMaxLength(32);
        e.Property(r => r.Status).HasMaxLength(32);
        e.Property(r => r.Reason).HasMaxLength(500);
        e.Property(r => r.DecisionNote).HasMaxLength(500);
        e.Property(r => r.PassId).HasMaxLength(64);
        e.Property(r => r.DeliveryConversationId).HasMaxLength(512);
        e.Property(r => r.DeliveryMessageId).HasMaxLength(256);
        e.Property(r => r.FailureReason).HasMaxLength(500);
        e.HasIndex(r => new { r.Status, r.DecideByUtcTicks });
        e.HasIndex(r => r.TargetId);
        e.HasIndex(r => r.PassId);
        e.Property(r => r.SourceKey).HasMaxLength(600);
        e.HasIndex(r => r.SourceKey).IsUnique();
        e.HasIndex(r => new { r.TenantId, r.TargetId, r.Status });
    }
}
