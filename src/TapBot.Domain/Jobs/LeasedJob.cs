using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TapBot.Domain.Ports;

namespace TapBot.Domain.Jobs;

/// <summary>
/// A background job that runs on one instance at a time (a job lease), each run in a scope of its own: by default at
/// start and then every minute. A failed run is logged and simply runs again at the next tick; the lease is held only
/// while a run lasts.
/// </summary>
public abstract class LeasedJob(IServiceScopeFactory scopes, TimeProvider time, ILogger logger) : BackgroundService
{
    public static readonly TimeSpan Every = TimeSpan.FromMinutes(1);

    /// <summary>The lease's name: one per job, shared by every instance.</summary>
    protected abstract string Lease { get; }

    /// <summary>Time between runs. Default: a minute.</summary>
    protected virtual TimeSpan Interval => Every;

    /// <summary>How long a run may hold the lease before another instance may take over. Default: five minutes.</summary>
    protected virtual TimeSpan LeaseFor => Every * 5;

    /// <summary>
    /// When the first run is, counted from start: zero runs it as soon as the host has started (so migrations are
    /// done). Default: zero.
    /// </summary>
    protected virtual TimeSpan FirstRunAfter => TimeSpan.Zero;

    /// <summary>Whether the job runs at all (a setting may turn it off). Default: yes.</summary>
    protected virtual bool IsEnabled => true;

    /// <summary>One run's work, with the run's scoped services.</summary>
    protected abstract Task RunAsync(IServiceProvider services, CancellationToken ct);

    /// <summary>One run now, if no other instance is running this job.</summary>
    public async Task RunOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IJobLeases>().RunAloneAsync(Lease, LeaseFor, () => RunAsync(scope.ServiceProvider, ct), ct);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!IsEnabled) return;

        // The delay (or the timer) starts counting as the host starts; the timer counts from the first run's due time,
        // and a first run at start still waits until the host has started.
        if (FirstRunAfter > TimeSpan.Zero) await Task.Delay(FirstRunAfter, time, stoppingToken);
        using var timer = new PeriodicTimer(Interval, time);
        if (FirstRunAfter == TimeSpan.Zero) await Task.Yield();
        await RunLoggedAsync(stoppingToken);
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
            logger.LogError(e, "The {Job} job failed; it runs again in {Interval}", Lease, Interval);
        }
    }
}
