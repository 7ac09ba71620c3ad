using System.Diagnostics;

namespace TapBot.Hosting;

/// <summary>
/// One thing to do before the first user's turn, so that turn does not pay for it: open the Graph connection and get
/// its token, build the storage model, load and initialise what every turn uses.
/// </summary>
public interface IWarmUpStep
{
    /// <summary>What it warms, for the log.</summary>
    string Name { get; }

    Task RunAsync(IServiceProvider services, CancellationToken ct);
}

/// <summary>
/// Runs the <see cref="IWarmUpStep"/>s once the host listens; <c>/readyz</c> answers 503 until they are done, so a load
/// balancer sends no one to a cold instance while <c>/healthz</c> already says the process is alive. A step that fails
/// is logged and does not hold readiness back: the readiness checks themselves decide whether Graph and storage answer.
/// </summary>
public sealed class WarmUp(IServiceProvider services, IEnumerable<IWarmUpStep> steps, IHostApplicationLifetime lifetime, ILogger<WarmUp> logger)
    : BackgroundService
{
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>True once every step has run (or failed).</summary>
    public bool IsDone => _done.Task.IsCompleted;

    /// <summary>Completes when every step has run.</summary>
    public Task Done => _done.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            // After the server listens: /healthz answers while this runs.
            await WhenStartedAsync(stoppingToken);
            var total = Stopwatch.StartNew();
            foreach (var step in steps)
            {
                var took = Stopwatch.StartNew();
                try
                {
                    await step.RunAsync(services, stoppingToken);
                    logger.LogDebug("Warm-up: {Step} in {Ms} ms", step.Name, took.ElapsedMilliseconds);
                }
                catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    logger.LogWarning("Warm-up: {Step} failed after {Ms} ms ({Error}); continuing", step.Name, took.ElapsedMilliseconds, e.GetType().Name);
                }
            }

            logger.LogInformation("Warmed up in {Ms} ms; ready for turns", total.ElapsedMilliseconds);
        }
        finally
        {
            _done.TrySetResult();
        }
    }

    private Task WhenStartedAsync(CancellationToken ct)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        ct.Register(() => started.TrySetCanceled(ct));
        return started.Task;
    }
}
