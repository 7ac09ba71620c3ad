using TapBot.Domain.Issuance;
using TapBot.Domain.Ports;

namespace TapBot.Hosting;

/// <summary>At start and every minute, one instance (a job lease) cleans up issuances a crash interrupted.</summary>
public sealed class RecoveryJob(IServiceScopeFactory scopes, TimeProvider time, ILogger<RecoveryJob> logger) : BackgroundService
{
    private const string Lease = "issuance-recovery";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The first run waits until the host has started (migrations done), then every minute.
        await Task.Yield();
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1), time);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                // Held only while a run lasts: a crashed instance blocks the others for the lease time at most.
                var leases = scope.ServiceProvider.GetRequiredService<IJobLeases>();
                if (!await leases.TryAcquireAsync(Lease, TimeSpan.FromMinutes(5), stoppingToken)) continue;
                try
                {
                    var recovered = await scope.ServiceProvider.GetRequiredService<RecoveryService>().RecoverInterruptedAsync(stoppingToken);
                    if (recovered > 0) logger.LogWarning("Recovered {Count} interrupted issuances (their passes were deleted)", recovered);
                }
                finally
                {
                    await leases.ReleaseAsync(Lease, CancellationToken.None);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Issuance recovery failed; it runs again in a minute");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
