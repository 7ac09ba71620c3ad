using TapBot.Domain.Approvals;
using TapBot.Domain.Jobs;

namespace TapBot.Hosting;

/// <summary>At start and every minute, one instance expires undecided requests and reminds approvers once.</summary>
public sealed class ApprovalJob(IServiceScopeFactory scopes, TimeProvider time, ILogger<ApprovalJob> logger) : LeasedJob(scopes, time, logger)
{
    protected override string Lease => "approval-deadlines";

    /// <summary>Expiries first (an expired request needs no reminder), then reminders.</summary>
    protected override async Task RunAsync(IServiceProvider services, CancellationToken ct)
    {
        var approvals = services.GetRequiredService<ApprovalDeadlineService>();
        var expired = await approvals.ExpireDueAsync(ct);
        var reminded = await approvals.RemindDueAsync(ct);
        if (expired + reminded > 0) logger.LogInformation("Approval deadlines: {Expired} expired, {Reminded} reminded", expired, reminded);
    }
}
