using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TapBot.Domain.Audit;
using TapBot.Domain.People;
using TapBot.Domain.Ports;

namespace TapBot.Domain.Limits;

/// <summary>
/// The abuse limits, counted in the shared <see cref="ILimitLedger"/> so every instance sees the same counts. A limit
/// hit is refused, audited, logged as a structured event and (once per person, limit and window) raised as an alert
/// in the security-alerts channel.
/// </summary>
public sealed partial class AbuseLimits(
    ILimitLedger ledger,
    IRequestStore requests,
    IAuditTrail audit,
    ISecurityAlerts alerts,
    RefusalGateMemory known,
    IOptions<LimitOptions> options,
    ILogger<AbuseLimits> logger,
    TimeProvider time)
{
    /// <summary>How long a claimed open-request slot is kept while its request is being filed.</summary>
    private static readonly TimeSpan FilingGrace = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The one call where a pass is granted (issued directly, or a request approved): counts it for the person it is
    /// for (per day) and for the approver (per hour). Null when granted; otherwise the limit that refused it, and
    /// nothing is counted. <paramref name="grantId"/> (the request's id) makes a repeated call count once.
    /// </summary>
    public async Task<LimitRefusal?> CheckAndRecordPassGrantAsync(Person target, Requester approver, string grantId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (await ClaimAsync(LimitKind.PassesPerPerson, target.Id, grantId, now, ct) is { } perPerson)
            return await RefuseAsync(perPerson with { SubjectName = target.DisplayName }, approver, target.Id, now, ct);
        if (await ClaimAsync(LimitKind.IssuancesPerApprover, approver.ObjectId, grantId, now, ct) is { } perApprover)
        {
            await ReleaseAsync(LimitKind.PassesPerPerson, target.Id, grantId, now, ct);
            return await RefuseAsync(perApprover, approver, target.Id, now, ct);
        }

        return null;
    }

    /// <summary>Gives back a grant that did not stand (another approver decided first, the same form was sent twice).</summary>
    public async Task ReleasePassGrantAsync(string targetId, string approverId, string grantId, DateTimeOffset grantedAt, CancellationToken ct)
    {
        await ReleaseAsync(LimitKind.PassesPerPerson, targetId, grantId, grantedAt, ct);
        await ReleaseAsync(LimitKind.IssuancesPerApprover, approverId, grantId, grantedAt, ct);
    }

    /// <summary>
    /// A new request: counts it for the account it is for (per day) and, filed on behalf of someone else, among the
    /// filer's open requests. Null when it may be filed.
    /// </summary>
    public async Task<LimitRefusal?> CheckAndRecordRequestAsync(Requester requester, Person target, string tenantId, Guid requestId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var id = requestId.ToString();
        if (!Same(requester.ObjectId, target.Id) && options.Value.OpenRequestsPerOperator > 0)
        {
            var open = await requests.PendingFiledByAsync(tenantId, requester.ObjectId, ct);
            var claim = Claim(LimitKind.OpenRequestsPerOperator, requester.ObjectId, id, now) with
            {
                StillOpen = open.Select(r => r.ToString()).ToHashSet(StringComparer.OrdinalIgnoreCase),
                ReclaimBefore = now - FilingGrace,
            };
            if (!await ledger.TryClaimAsync(claim, ct))
                return await RefuseAsync(new LimitRefusal(LimitKind.OpenRequestsPerOperator, claim.Max, null), requester, target.Id, now, ct);
        }

        if (await ClaimAsync(LimitKind.RequestsPerPerson, target.Id, id, now, ct) is { } perPerson)
            return await RefuseAsync(Same(requester.ObjectId, target.Id) ? perPerson : perPerson with { SubjectName = target.DisplayName },
                requester, target.Id, now, ct);
        return null;
    }

    /// <summary>
    /// Asked first on every turn, before any directory call: whether this person refused-commands past the limit in
    /// this window. Only the first paused turn is answered (and alerted); the rest get silence.
    /// </summary>
    public async Task<RefusalGate> GateAsync(Requester person, CancellationToken ct)
    {
        var max = options.Value.RefusalsPerPersonPer10Minutes;
        if (max == 0) return new RefusalGate.Open();
        var now = time.GetUtcNow();
        var subject = person.ObjectId.ToLowerInvariant();
        var start = LimitWindows.StartOf(LimitKind.RefusedCommands, now);
        var end = LimitWindows.EndOf(LimitKind.RefusedCommands, now)!.Value; // a ten-minute window always ends
        var refusal = new LimitRefusal(LimitKind.RefusedCommands, max, end);
        // Most turns are answered from what this instance already knows (see RefusalGateMemory for what that costs).
        if (known.IsKnownOpen(subject, now)) return new RefusalGate.Open();
        if (known.IsKnownPaused(subject, now)) return new RefusalGate.Paused(refusal, false);
        if (await ledger.CountAsync(Name(LimitKind.RefusedCommands), subject, start, ct) < max)
        {
            known.RememberOpen(subject, now, end);
            return new RefusalGate.Open();
        }

        // One answer per window, whichever instance gets the turn: a one-slot claim of its own. Once it is decided,
        // this instance answers the rest of the window with silence and no ledger read.
        var tell = await ledger.TryClaimAsync(new LimitClaim("Notice" + Name(LimitKind.RefusedCommands), subject, start, 1, Guid.NewGuid().ToString(), now), ct);
        known.RememberPaused(subject, end, now);
        if (tell) await RefuseAsync(refusal, person, null, now, ct);
        return new RefusalGate.Paused(refusal, tell);
    }

    /// <summary>Counts a refused command or click (every refusal TapBot answers).</summary>
    public async Task RecordRefusalAsync(Requester person, CancellationToken ct)
    {
        var max = options.Value.RefusalsPerPersonPer10Minutes;
        if (max == 0) return;
        var now = time.GetUtcNow();
        known.Forget(person.ObjectId.ToLowerInvariant());
        // Past the maximum the claim fails, and the next turn is paused by GateAsync.
        await ledger.TryClaimAsync(Claim(LimitKind.RefusedCommands, person.ObjectId, Guid.NewGuid().ToString(), now), ct);
    }

    public static string Name(LimitKind kind) => kind.ToString();

    private async Task<LimitRefusal?> ClaimAsync(LimitKind kind, string subject, string holder, DateTimeOffset now, CancellationToken ct)
    {
        var claim = Claim(kind, subject, holder, now);
        if (claim.Max == 0 || await ledger.TryClaimAsync(claim, ct)) return null;
        return new LimitRefusal(kind, claim.Max, LimitWindows.EndOf(kind, now));
    }

    private LimitClaim Claim(LimitKind kind, string subject, string holder, DateTimeOffset now) =>
        new(Name(kind), subject.ToLowerInvariant(), LimitWindows.StartOf(kind, now), options.Value.Max(kind), holder, now);

    private Task ReleaseAsync(LimitKind kind, string subject, string holder, DateTimeOffset at, CancellationToken ct) =>
        options.Value.Max(kind) == 0 ? Task.CompletedTask : ledger.ReleaseAsync(Name(kind), subject.ToLowerInvariant(), LimitWindows.StartOf(kind, at), holder, ct);

    /// <summary>Audits and logs the refusal, and alerts approvers once per person, limit and window.</summary>
    private async Task<LimitRefusal> RefuseAsync(LimitRefusal refusal, Requester actor, string? targetId, DateTimeOffset now, CancellationToken ct)
    {
        var resets = refusal.ResetsAt?.ToString("O", CultureInfo.InvariantCulture) ?? "when a request is decided";
        await audit.AppendAsync(AuditEntry.Of(AuditKinds.LimitReached, actor.ObjectId, targetId,
            ("limit", Name(refusal.Kind)), ("max", refusal.Max.ToString(CultureInfo.InvariantCulture)), ("resets", resets)), ct);
        LimitHit(logger, Name(refusal.Kind), refusal.Max, actor.ObjectId, targetId, resets);

        var start = LimitWindows.StartOf(refusal.Kind, now);
        if (!await ledger.TryClaimAsync(new LimitClaim("Alert" + Name(refusal.Kind), actor.ObjectId.ToLowerInvariant(), start, 1, Guid.NewGuid().ToString(), now), ct)) return refusal;
        var posted = await alerts.PostAsync(new LimitAlert(refusal.Kind, refusal.Max, actor.ObjectId, actor.DisplayName, refusal.SubjectName, now, refusal.ResetsAt), ct);
        AlertRaised(logger, Name(refusal.Kind), actor.ObjectId, posted);
        return refusal;
    }

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    [LoggerMessage(EventId = 4101, EventName = "LimitHit", Level = LogLevel.Warning,
        Message = "Abuse limit {Limit} ({Max}) reached by {ActorId} (target {TargetId}); resets {ResetsAt}")]
    private static partial void LimitHit(ILogger logger, string limit, int max, string actorId, string? targetId, string resetsAt);

    [LoggerMessage(EventId = 4102, EventName = "SecurityAlert", Level = LogLevel.Warning,
        Message = "Security alert for abuse limit {Limit} by {ActorId} (posted to the security-alerts channel: {Posted})")]
    private static partial void AlertRaised(ILogger logger, string limit, string actorId, bool posted);
}
