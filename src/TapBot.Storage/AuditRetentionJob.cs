using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TapBot.Domain.Audit;
using TapBot.Domain.Jobs;
using TapBot.Domain.Ports;

namespace TapBot.Storage;

/// <summary>
/// Deletes audit events older than <see cref="AuditOptions.RetentionDays"/>, then records that it did: first a minute
/// after start (the database is migrated by then), then every <see cref="AuditOptions.PurgeEveryHours"/>. Even two
/// instances purging at once would be safe, as a purge removes a prefix of the chain and only ever moves the anchor forward.
/// </summary>
internal sealed class AuditRetentionJob(IServiceScopeFactory scopes, IOptions<AuditOptions> options, TimeProvider time, ILogger<AuditRetentionJob> logger)
    : LeasedJob(scopes, time, logger)
{
    private readonly AuditOptions _options = options.Value;
    private readonly TimeProvider _time = time;

    protected override string Lease => "audit-retention";

    protected override bool IsEnabled => _options.RetentionDays != 0;

    protected override TimeSpan FirstRunAfter => Every;

    protected override TimeSpan Interval => TimeSpan.FromHours(_options.PurgeEveryHours);

    protected override TimeSpan LeaseFor => TimeSpan.FromMinutes(30);

    protected override async Task RunAsync(IServiceProvider services, CancellationToken ct)
    {
        var audit = services.GetRequiredService<IAuditTrail>();
        var cutoff = _time.GetUtcNow().AddDays(-_options.RetentionDays);
        var deleted = await audit.PurgeBeforeAsync(cutoff, ct);
        if (deleted == 0) return;

        await audit.AppendAsync(AuditEntry.Of(AuditKinds.AuditRetention, AuditKinds.SystemActor, null,
            ("deleted", deleted.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("olderThan", cutoff.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture))), ct);
        logger.LogInformation("Audit retention deleted {Count} events older than {Days} days", deleted, _options.RetentionDays);
    }
}
