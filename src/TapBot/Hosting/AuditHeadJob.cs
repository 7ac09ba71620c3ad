using TapBot.Domain.Audit;
using TapBot.Domain.Ports;
using TapBot.Domain.Telemetry;
using TapBot.Domain.Jobs;

namespace TapBot.Hosting;

/// <summary>
/// Every minute, one instance exports the audit chain's head (newest sequence and chain value) to the logs, and so to
/// OTLP when telemetry is on, and as the <c>tapbot.audit.head_sequence</c> gauge. The keyed chain proves that no
/// event was changed; only a copy of the head kept outside the database proves that the newest events were not cut
/// off. The head is logged when it moved, and at least hourly.
/// </summary>
public sealed class AuditHeadJob(IServiceScopeFactory scopes, TimeProvider time, ILogger<AuditHeadJob> logger) : LeasedJob(scopes, time, logger)
{
    private static readonly TimeSpan LogAtLeastEvery = TimeSpan.FromHours(1);
    private readonly TimeProvider _time = time;
    private (AuditHead? Head, DateTimeOffset At) _logged;

    protected override string Lease => "audit-head";

    protected override async Task RunAsync(IServiceProvider services, CancellationToken ct)
    {
        var head = await services.GetRequiredService<IAuditTrail>().HeadAsync(ct);
        if (head is null) return;

        TapBotTelemetry.AuditHeadSequence.Record(head.Sequence);
        var now = _time.GetUtcNow();
        if (head == _logged.Head && now - _logged.At < LogAtLeastEvery) return;
        logger.LogInformation("Audit chain head: event {AuditHeadSequence}, chain value {AuditHeadHash}", head.Sequence, head.Hash);
        _logged = (head, now);
    }
}
