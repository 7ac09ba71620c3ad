using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TapBot.Storage.Configurations;

internal sealed class PersonalChatConfiguration : IEntityTypeConfiguration<PersonalChatRecord>
{
    public void Configure(EntityTypeBuilder<PersonalChatRecord> e)
    {
        e.ToTable("personal_chats");
        e.HasKey(c => new { c.TenantId, c.PersonId });
        e.Property(c => c.TenantId).HasMaxLength(64);
        e.Property(c => c.PersonId).HasMaxLength(64);
        e.OwnsAddress(c => c.Address);
        e.Property(c => c.UserId).HasMaxLength(256);
        // SQLite cannot order or compare DateTimeOffset natively; store UTC ticks.
        e.Property(c => c.SeenAt).HasConversion(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));
    }
}
