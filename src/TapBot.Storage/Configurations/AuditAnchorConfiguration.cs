using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TapBot.Storage.Configurations;

internal sealed class AuditAnchorConfiguration : IEntityTypeConfiguration<AuditAnchorRecord>
{
    public void Configure(EntityTypeBuilder<AuditAnchorRecord> e)
    {
        e.ToTable("audit_anchor");
        e.HasKey(a => a.Id);
        e.Property(a => a.Id).ValueGeneratedNever();
        e.Property(a => a.LastPurgedHash).HasMaxLength(64);
    }
}
