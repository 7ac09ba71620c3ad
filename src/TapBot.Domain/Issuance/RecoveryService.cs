using Microsoft.Extensions.Options;
using TapBot.Domain.Audit;
using TapBot.Domain.Ports;
using TapBot.Domain.Requests;

namespace TapBot.Domain.Issuance;

/// <summary>
/// Cleans up issuances a crash interrupted between approval and delivery. The code was never stored, so a pass
/// that reached nobody cannot be delivered later: it is deleted, the request is marked failed, and the audit says
/// so. Fail closed: a possibly orphaned pass is worse than asking the approver to issue again.
/// </summary>
public sealed class RecoveryService(
    IRequestStore requests,
    ITemporaryAccessPasses passes,
    IAuditTrail audit,
    IOptions<IssuanceOptions> options,
    TimeProvider time)
{
    public async Task<int> RecoverInterruptedAsync(CancellationToken ct)
    {
        var cutoff = time.GetUtcNow().AddSeconds(-options.Value.RecoverAfterSeconds);
        var recovered = 0;
        foreach (var request in await requests.InterruptedAsync(cutoff, 50, ct))
        {
            var deleted = await DeleteOrphanAsync(request, ct);
            request.MarkFailed("interrupted before delivery; the pass was deleted");
            try
            {
                await requests.SaveAsync(request, ct);
            }
            catch (RequestChangedException)
            {
                continue; // the issuance finished after all, or another instance recovered it
            }

            await audit.AppendAsync(AuditEntry.Of(AuditKinds.IssueRecovered, AuditKinds.SystemActor, request.TargetId,
                ("request", request.Id.ToString()), ("passDeleted", deleted ?? "none found")), ct);
            recovered++;
        }

        return recovered;
    }

    private async Task<string?> DeleteOrphanAsync(AccessRequest request, CancellationToken ct)
    {
        if (request.PassId is { } known)
        {
            await passes.DeleteAsync(request.TargetId, known, ct);
            return known;
        }

        // Interrupted while Graph was creating: a pass made since the request was approved is ours, and its code
        // reached nobody.
        var current = await passes.GetCurrentAsync(request.TargetId, ct);
        if (current is null || current.CreatedAt < request.CreatedAt.AddMinutes(-1)) return null;
        await passes.DeleteAsync(request.TargetId, current.Id, ct);
        return current.Id;
    }
}
