using TapBot.Domain.Audit;
using TapBot.Domain.Issuance;
using TapBot.Domain.Ports;
using TapBot.Domain.Requests;

namespace TapBot.Domain.Approvals;

/// <summary>Expires a pending request past its deadline, once: audited, and every card and the requester learn it.</summary>
public sealed class RequestExpiry(IRequestStore requests, IApprovalCards cards, IAuditTrail audit, ApprovalViews views, TimeProvider time)
{
    /// <summary>True when this call expired the request; false when it was not due or someone else got there first.</summary>
    public async Task<bool> ExpireIfDueAsync(AccessRequest request, CancellationToken ct)
    {
        if (request.Status != RequestStatus.Pending || time.GetUtcNow() < request.DecideBy) return false;
        try
        {
            request.Expire(time.GetUtcNow());
            await requests.SaveAsync(request, ct);
        }
        catch (RequestChangedException)
        {
            return false; // decided or expired by someone else just now
        }

        await audit.AppendAsync(PassIssuer.Audit(AuditKinds.RequestExpired, AuditKinds.SystemActor, request), ct);
        await cards.UpdateAllAsync(await views.ViewOfAsync(request, ct), ct);
        return true;
    }
}
