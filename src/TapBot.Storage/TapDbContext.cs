using Microsoft.EntityFrameworkCore;

namespace TapBot.Storage;

/// <summary>
/// TapBot's database, one model for every provider. EF Core migrations are provider-specific, so each provider has
/// its own context type and migrations folder; add a migration to both:
/// <code>
/// dotnet tool restore
/// dotnet ef migrations add NAME --project src/TapBot.Storage --context SqliteTapDbContext --output-dir Migrations/Sqlite
/// dotnet ef migrations add NAME --project src/TapBot.Storage --context PostgresTapDbContext --output-dir Migrations/PostgreSql
/// </code>
/// </summary>
public abstract class TapDbContext(DbContextOptions options) : DbContext(options)
{
    internal DbSet<PersonalChatRecord> PersonalChats => Set<PersonalChatRecord>();
    internal DbSet<AuditEventRecord> AuditEvents => Set<AuditEventRecord>();
    internal DbSet<AuditAnchorRecord> AuditAnchor => Set<AuditAnchorRecord>();
    internal DbSet<JobLeaseRecord> JobLeases => Set<JobLeaseRecord>();
    internal DbSet<AccessRequestRecord> AccessRequests => Set<AccessRequestRecord>();
    internal DbSet<ApproverChannelRecord> ApproverChannels => Set<ApproverChannelRecord>();
    internal DbSet<RequestCardRecord> RequestCards => Set<RequestCardRecord>();
    internal DbSet<SentCardRecord> SentCards => Set<SentCardRecord>();

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
            e.Property(c => c.UserId).HasMaxLength(256);
            // SQLite cannot order or compare DateTimeOffset natively; store UTC ticks.
            e.Property(c => c.SeenAt).HasConversion(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));
        });

        model.Entity<AuditEventRecord>(e =>
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
        });

        model.Entity<AccessRequestRecord>(e =>
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
        });

        model.Entity<RequestCardRecord>(e =>
        {
            e.ToTable("request_cards");
            e.HasKey(c => c.Id);
            e.HasIndex(c => c.RequestId);
            e.Property(c => c.Role).HasMaxLength(32);
            e.Property(c => c.PersonId).HasMaxLength(64);
            e.Property(c => c.ChannelId).HasMaxLength(64);
            e.Property(c => c.ServiceUrl).HasMaxLength(2048);
            e.Property(c => c.ConversationId).HasMaxLength(512);
            e.Property(c => c.MessageId).HasMaxLength(256);
            e.Property(c => c.BotId).HasMaxLength(256);
        });

        model.Entity<SentCardRecord>(e =>
        {
            e.ToTable("sent_cards");
            e.HasKey(c => new { c.ConversationId, c.MessageId });
            e.Property(c => c.ConversationId).HasMaxLength(512);
            e.Property(c => c.MessageId).HasMaxLength(256);
            e.Property(c => c.Flow).HasMaxLength(32);
        });

        model.Entity<ApproverChannelRecord>(e =>
        {
            e.ToTable("approver_channels");
            e.HasKey(c => c.TenantId);
            e.Property(c => c.TenantId).HasMaxLength(64);
            e.Property(c => c.ChannelId).HasMaxLength(64);
            e.Property(c => c.ServiceUrl).HasMaxLength(2048);
            e.Property(c => c.ConversationId).HasMaxLength(512);
            e.Property(c => c.TeamId).HasMaxLength(512);
            e.Property(c => c.BotId).HasMaxLength(256);
            e.Property(c => c.SetBy).HasMaxLength(64);
        });

        model.Entity<JobLeaseRecord>(e =>
        {
            e.ToTable("job_leases");
            e.HasKey(l => l.Name);
            e.Property(l => l.Name).HasMaxLength(64);
            e.Property(l => l.Holder).HasMaxLength(160);
        });

        model.Entity<AuditAnchorRecord>(e =>
        {
            e.ToTable("audit_anchor");
            e.HasKey(a => a.Id);
            e.Property(a => a.Id).ValueGeneratedNever();
            e.Property(a => a.LastPurgedHash).HasMaxLength(64);
        });
    }
}

/// <summary>The model on SQLite (the default: one file, zero set-up, one instance).</summary>
public sealed class SqliteTapDbContext(DbContextOptions<SqliteTapDbContext> options) : TapDbContext(options);

/// <summary>The model on PostgreSQL (several instances on one database).</summary>
public sealed class PostgresTapDbContext(DbContextOptions<PostgresTapDbContext> options) : TapDbContext(options);
