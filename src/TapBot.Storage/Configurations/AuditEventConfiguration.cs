using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TapBot.Storage.Configurations;

internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEventRecord>
{
    public void Configure(EntityTypeBuilder<AuditEventRecord> e)
    {
        e.ToTable("audit_events");
        e.HasKey(a => a.Sequence);
        e.Property(a => a.Sequence).ValueGeneratedNever();
        e.Property(a => a.Kind).HasMaxLength(64);
        e.Property(a => a.ActorId).HasMaxLength(64);
        e.Property(a => a.TargetId).HasMaxLength(64);
        e.Property(a => a.PreviousHash).HasMaxLength(64);
        e.Property(a => a.Hash).HasMaxLength(64);
        e.HasIndex(a => a.TargetId);
        e.HasIndex(a => a.ActorId);
        e.HasIndex(a => a.AtUtcTicks);
    }
}
