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
    internal DbSet<LimitSlotRecord> LimitSlots => Set<LimitSlotRecord>();
    internal DbSet<SecurityAlertChannelRecord> SecurityAlertChannels => Set<SecurityAlertChannelRecord>();
    internal DbSet<PassEntitlementRecord> PassEntitlements => Set<PassEntitlementRecord>();

    // One IEntityTypeConfiguration per table, in Configurations/.
    protected override void OnModelCreating(ModelBuilder model) =>
        model.ApplyConfigurationsFromAssembly(typeof(TapDbContext).Assembly);
}

/// <summary>The model on SQLite (the default: one file, zero set-up, one instance).</summary>
public sealed class SqliteTapDbContext(DbContextOptions<SqliteTapDbContext> options) : TapDbContext(options);

/// <summary>The model on PostgreSQL (several instances on one database).</summary>
public sealed class PostgresTapDbContext(DbContextOptions<PostgresTapDbContext> options) : TapDbContext(options);
