using Microsoft.EntityFrameworkCore;

namespace TapBot.Storage;

/// <summary>
/// TapBot's database. Add a migration with:
/// <c>dotnet tool restore &amp;&amp; dotnet ef migrations add NAME --project src/TapBot.Storage</c>.
/// </summary>
public sealed class TapDbContext(DbContextOptions<TapDbContext> options) : DbContext(options)
{
    internal DbSet<PersonalChatRecord> PersonalChats => Set<PersonalChatRecord>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.Entity<PersonalChatRecord>(e =>
        {
            e.ToTable("personal_chats");
            e.HasKey(c => new { c.TenantId, c.PersonId });
            e.Property(c => c.TenantId).HasMaxLength(64);
            e.Property(c => c.PersonId).HasMaxLength(64);
            e.Property(c => c.ChannelId).HasMaxLength(64);
            e.Property(c => c.ServiceUrl).HasMaxLength(2048);
            e.Property(c => c.ConversationId).HasMaxLength(512);
            e.Property(c => c.BotId).HasMaxLength(256);
            // SQLite cannot order or compare DateTimeOffset natively; store UTC ticks.
            e.Property(c => c.SeenAt).HasConversion(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));
        });
    }
}
