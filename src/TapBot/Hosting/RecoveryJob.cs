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
                await scope.ServiceProvider.GetRequiredService<IJobLeases>().RunAloneAsync(Lease, TimeSpan.FromMinutes(5), async () =>
                {
                    var recovered = await scope.ServiceProvider.GetRequiredService<RecoveryService>().RecoverInterruptedAsync(stoppingToken);
                    if (recovered > 0) logger.LogWarning("Recovered {Count} interrupted issuances (their passes were deleted)", recovered);
                }, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Issuance recovery failed; it runs again in a minute");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
