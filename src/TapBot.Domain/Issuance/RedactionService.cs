using TapBot.Domain.Audit;
using TapBot.Domain.Ports;
using TapBot.Domain.Requests;

namespace TapBot.Domain.Issuance;

/// <summary>
/// Rewrites delivered passcode cards without the code once the code is useless: the pass expired, was used
/// (one-time), or is gone from the directory (revoked elsewhere, or replaced by a newer pass).
/// </summary>
public sealed class RedactionService(
    IRequestStore requests,
    ITemporaryAccessPasses passes,
    IPasscodeDelivery delivery,
    IAuditTrail audit,
    TimeProvider time)
{
    /// <summary>How many delivered cards one run looks at (each may cost a Graph call).</summary>
    public const int BatchSize = 50;

    public async Task<int> RedactUselessCodesAsync(CancellationToken ct)
    {
        var redacted = 0;
        foreach (var request in await requests.UnredactedDeliveriesAsync(BatchSize, ct))
        {
            var why = await WhyUselessAsync(request, ct);
            if (why is null) continue;

            // Marked done only when Teams took the update: a card still showing its code is tried again next run.
            if (!await delivery.RedactAsync(request.RecipientId, request.Delivery!, why, ct)) continue;
            request.MarkRedacted(time.GetUtcNow());
            try
            {
                await requests.SaveAsync(request, ct);
            }
            catch (RequestChangedException)
            {
                continue; // another instance or a revoke got there first; its redaction stands
            }

            await audit.AppendAsync(AuditEntry.Of(AuditKinds.Redacted, AuditKinds.SystemActor, request.TargetId,
                ("request", request.Id.ToString()), ("why", why)), ct);
            redacted++;
        }

        return redacted;
    }

    private async Task<string?> WhyUselessAsync(AccessRequest request, CancellationToken ct)
    {
        if (request.PassExpiresAt is { } expires && expires <= time.GetUtcNow()) return "expired";
        var current = await passes.GetCurrentAsync(request.TargetId, ct);
        if (current is null || !string.Equals(current.Id, request.PassId, StringComparison.OrdinalIgnoreCase)) return "removed";
        return current.UsabilityReason switch
        {
            "OneTimeUsed" => "used",
            "Expired" => "expired",
            _ => null,
        };
    }
}
