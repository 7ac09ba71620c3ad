using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TapBot.Storage.Configurations;

internal sealed class JobLeaseConfiguration : IEntityTypeConfiguration<JobLeaseRecord>
{
    public void Configure(EntityTypeBuilder<JobLeaseRecord> e)
    {
        e.ToTable("job_leases");
        e.HasKey(l => l.Name);
        e.Property(l => l.Name).HasMaxLength(64);
        e.Property(l => l.Holder).HasMaxLength(160);
    }
}
