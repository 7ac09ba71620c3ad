using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TapBot.Storage.Configurations;

/// <summary><c>pass_entitlements</c>: approved passes not created yet (reveal on demand). No column ever holds a code.</summary>
internal sealed class PassEntitlementConfiguration : IEntityTypeConfiguration<PassEntitlementRecord>
{
    public void Configure(EntityTypeBuilder<PassEntitlementRecord> e)
    {
        e.ToTable("pass_entitlements");
        e.HasKey(r => r.Id);
        e.Property(r => r.Version).IsConcurrencyToken();
        foreach (var id in new[] { nameof(PassEntitlementRecord.TenantId), nameof(PassEntitlementRecord.TargetId), nameof(PassEntitlementRecord.RecipientId),
                     nameof(PassEntitlementRecord.ApproverId), nameof(PassEntitlementRecord.PassId) })
        {
            e.Property(id).HasMaxLength(64);
        }

        e.Property(r => r.TargetUpn).HasMaxLength(320);
        e.Property(r => r.TargetName).HasMaxLength(256);
        e.Property(r => r.ApproverName).HasMaxLength(256);
        e.Property(r => r.Reason).HasMaxLength(500);
        e.Property(r => r.State).HasMaxLength(32);
        e.Property(r => r.CardConversationId).HasMaxLength(512);
        e.Property(r => r.CardMessageId).HasMaxLength(256);
        e.Property(r => r.EndReason).HasMaxLength(200);
        e.HasIndex(r => new { r.State, r.RevealByUtcTicks });
        e.HasIndex(r => new { r.TenantId, r.TargetId, r.State });
        e.HasIndex(r => r.RequestId);
    }
}
