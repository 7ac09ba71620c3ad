using Microsoft.Extensions.Options;
using TapBot.Domain.Audit;
using TapBot.Domain.Issuance;
using TapBot.Domain.Ports;
using TapBot.Domain.Requests;

namespace TapBot.Domain.Approvals;

/// <summary>The timed sweeps over pending requests: expire those past their deadline, remind approvers once.</summary>
public sealed class ApprovalDeadlineService(
    IRequestStore requests,
    IApprovalCards cards,
    IAuditTrail audit,
    ApprovalViews views,
    RequestExpiry expiry,
    IOptions<ApprovalOptions> options,
    TimeProvider time)
{
    /// <summary>Expires requests nobody decided in time; every card and the requester learn it. Returns how many.</summary>
    public async Task<int> ExpireDueAsync(CancellationToken ct)
    {
        var count = 0;
        foreach (var request in await requests.PendingPastDeadlineAsync(time.GetUtcNow(), 50, ct))
        {
            if (await expiry.ExpireIfDueAsync(request, ct)) count++;
        }

        return count;
    }

    /// <summary>Reminds approvers once of requests still undecided after <see cref="ApprovalOptions.RemindAfterMinutes"/>.</summary>
    public async Task<int> RemindDueAsync(CancellationToken ct)
    {
        if (options.Value.RemindAfterMinutes == 0) return 0;
        var now = time.GetUtcNow();
        var count = 0;
        foreach (var request in await requests.DueForReminderAsync(now.AddMinutes(-options.Value.RemindAfterMinutes), 50, ct))
        {
            try
            {
                request.MarkReminded(now);
                await requests.SaveAsync(request, ct); // another instance reminding at the same moment loses here
            }
            catch (Exception e) when (e is RequestChangedException or RequestTransitionException)
            {
                continue;
            }

            await cards.RemindAsync(await views.ViewOfAsync(request, ct), ct);
            await audit.AppendAsync(PassIssuer.Audit(AuditKinds.RequestReminded, AuditKinds.SystemActor, request), ct);
            count++;
        }

        return count;
    }
}
