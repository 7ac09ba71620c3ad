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
/// <remarks>
/// Stuck is judged by when the issuing step began, never by when the request was made. The failure is saved before
/// anything is deleted, so an issuer still at work loses its next save and takes its own pass back; and only the pass
/// id the request recorded is deleted: a person's current pass may be another approver's, issued since.
/// </remarks>
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
            var passId = request.PassId;
            request.MarkFailed(passId is null
                ? "interrupted before Graph returned a pass; no pass was recorded, so none was deleted"
                : "interrupted before delivery; the pass was deleted");
            try
            {
                await requests.SaveAsync(request, ct);
            }
            catch (RequestChangedException)
            {
                continue; // its issuer saved a step first, or another instance recovered it: not ours to touch
            }

            if (passId is not null) await passes.DeleteAsync(request.TargetId, passId, ct);
            await audit.AppendAsync(AuditEntry.Of(AuditKinds.IssueRecovered, AuditKinds.SystemActor, request.TargetId,
                ("request", request.Id.ToString()), ("passDeleted", passId ?? "none recorded")), ct);
            recovered++;
        }

        return recovered;
    }
}
