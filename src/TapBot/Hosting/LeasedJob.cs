using TapBot.Domain.Ports;

namespace TapBot.Hosting;

/// <summary>
/// A background job that runs every minute on one instance at a time (a job lease), each run in a scope of its own.
/// A failed run is logged and simply runs again a minute later; the lease is held only while a run lasts.
/// </summary>
public abstract class LeasedJob(IServiceScopeFactory scopes, TimeProvider time, ILogger logger) : BackgroundService
{
    public static readonly TimeSpan Every = TimeSpan.FromMinutes(1);

    /// <summary>The lease's name: one per job, shared by every instance.</summary>
    protected abstract string Lease { get; }

    /// <summary>Whether the first run is at start (after the host has started, so migrations are done) or a minute later.</summary>
    protected virtual bool RunsAtStart => true;

    /// <summary>One run's work, with the run's scoped services.</summary>
    protected abstract Task RunAsync(IServiceProvider services, CancellationToken ct);

    /// <summary>One run now, if no other instance is running this job.</summary>
    public async Task RunOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IJobLeases>().RunAloneAsync(Lease, Every * 5, () => RunAsync(scope.ServiceProvider, ct), ct);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The timer counts from start; the first run waits until the host has started.
        using var timer = new PeriodicTimer(Every, time);
        await Task.Yield();
        if (RunsAtStart) await RunLoggedAsync(stoppingToken);
        while (await timer.WaitForNextTickAsync(stoppingToken)) await RunLoggedAsync(stoppingToken);
    }

    private async Task RunLoggedAsync(CancellationToken ct)
    {
        try
        {
            await RunOnceAsync(ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "The {Job} job failed; it runs again in a minute", Lease);
        }
    }
}
