using TapBot.Domain.Diagnostics;
using TapBot.Storage;

namespace TapBot.Hosting;

/// <summary>
/// GET /readyz: 200 when the warm-up is done (<see cref="WarmUp"/>) and storage and Microsoft Graph both answer, 503
/// otherwise (a load balancer should stop sending turns). The answer is cached briefly so frequent probes do not become
/// Graph traffic; while warming up, nothing is checked.
/// </summary>
public sealed class Readiness(IServiceProvider services, IDirectoryDiagnostics directory, WarmUp warmUp, TimeProvider time, ILogger<Readiness> logger)
{
    private static readonly ReadinessReport WarmingUp = new(false, "warming up", "warming up");

    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan GraphTimeout = TimeSpan.FromSeconds(5);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private (DateTimeOffset At, ReadinessReport Report)? _last;

    public async Task<ReadinessReport> CheckAsync(CancellationToken ct)
    {
        if (!warmUp.IsDone) return WarmingUp;
        await _gate.WaitAsync(ct);
        try
        {
            if (_last is { } last && time.GetUtcNow() - last.At < CacheFor) return last.Report;

            var storage = await StorageDiagnostics.CheckAsync(services, ct);
            var graph = await GraphAsync(ct);
            var report = new ReadinessReport(storage.Outcome != CheckOutcome.Fail && graph.Ready,
                storage.Outcome == CheckOutcome.Fail ? "failing" : "ok", graph.Ready ? "ok" : "failing");
            if (!report.Ready) logger.LogWarning("Not ready: storage {Storage}, graph {Graph} ({GraphProblem})", report.Storage, report.Graph, graph.Problem);
            _last = (time.GetUtcNow(), report);
            return report;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<(bool Ready, string? Problem)> GraphAsync(CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(GraphTimeout);
        try
        {
            await directory.PingAsync(timeout.Token);
            return (true, null);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            return (false, e.GetType().Name);
        }
    }

    public static async Task<IResult> HandleAsync(Readiness readiness, CancellationToken ct)
    {
        var report = await readiness.CheckAsync(ct);
        var status = report.Ready ? "ready" : report == WarmingUp ? "warming up" : "not ready";
        return Results.Json(new { status, storage = report.Storage, graph = report.Graph },
            statusCode: report.Ready ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }
}

public sealed record ReadinessReport(bool Ready, string Storage, string Graph);
