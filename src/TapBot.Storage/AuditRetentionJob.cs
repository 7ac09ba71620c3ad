using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TapBot.Domain.Audit;
using TapBot.Domain.Ports;

namespace TapBot.Storage;

/// <summary>
/// Deletes audit events older than <see cref="AuditOptions.RetentionDays"/>, then records that it did. One instance
/// runs it at a time (a job lease in the database); even without the lease a purge would be safe, as it removes a
/// prefix of the chain and only ever moves the anchor forward.
/// </summary>
internal sealed class AuditRetentionJob(IServiceScopeFactory scopes, IOptions<AuditOptions> options, TimeProvider time, ILogger<AuditRetentionJob> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        if (o.RetentionDays == 0) return;

        // First run a minute after start (the database is migrated by then), then every PurgeEveryHours.
        await Task.Delay(TimeSpan.FromMinutes(1), time, stoppingToken);
        using var timer = new PeriodicTimer(TimeSpan.FromHours(o.PurgeEveryHours), time);
        do
        {
            try
            {
                await PurgeOnceAsync(o.RetentionDays, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Audit retention failed; it runs again in {Hours} h", o.PurgeEveryHours);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    internal async Task<int> PurgeOnceAsync(int retentionDays, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var deleted = 0;
        await scope.ServiceProvider.GetRequiredService<IJobLeases>().RunAloneAsync(LeaseName, TimeSpan.FromMinutes(30), async () =>
        {
            var audit = scope.ServiceProvider.GetRequiredService<IAuditTrail>();
            var cutoff = time.GetUtcNow().AddDays(-retentionDays);
            deleted = await audit.PurgeBeforeAsync(cutoff, ct);
            if (deleted > 0)
            {
                await audit.AppendAsync(AuditEntry.Of(AuditKinds.AuditRetention, AuditKinds.SystemActor, null,
                    ("deleted", deleted.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                    ("olderThan", cutoff.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture))), ct);
                logger.LogInformation("Audit retention deleted {Count} events older than {Days} days", deleted, retentionDays);
            }
        }, ct);
        return deleted;
    }

    private const string LeaseName = "audit-retention";
}
