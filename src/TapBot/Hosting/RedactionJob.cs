using TapBot.Domain.Issuance;
using TapBot.Domain.Ports;

namespace TapBot.Hosting;

/// <summary>Every minute, one instance (a job lease) redacts delivered codes that became useless.</summary>
public sealed class RedactionJob(IServiceScopeFactory scopes, TimeProvider time, ILogger<RedactionJob> logger) : BackgroundService
{
    public static readonly TimeSpan Every = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Every, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<IJobLeases>().RunAloneAsync("redaction", Every * 5, async () =>
                {
                    var redacted = await scope.ServiceProvider.GetRequiredService<RedactionService>().RedactUselessCodesAsync(stoppingToken);
                    if (redacted > 0) logger.LogInformation("Redacted {Count} passcode cards", redacted);
                }, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Redaction run failed; it runs again in a minute");
            }
        }
    }
}
