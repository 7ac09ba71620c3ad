using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TapBot.Storage.Configurations;

internal sealed class LimitSlotConfiguration : IEntityTypeConfiguration<LimitSlotRecord>
{
    public void Configure(EntityTypeBuilder<LimitSlotRecord> e)
    {
        e.ToTable("limit_slots");
        // The key is what makes a claim race-free: one row per slot number in a window, whoever inserts it first.
        e.HasKey(s => new { s.Limit, s.Subject, s.WindowStartUtcTicks, s.Slot });
        e.Property(s => s.Limit).HasMaxLength(64);
        e.Property(s => s.Subject).HasMaxLength(64);
        e.Property(s => s.Holder).HasMaxLength(64);
        e.HasIndex(s => s.WindowStartUtcTicks);
    }
}
