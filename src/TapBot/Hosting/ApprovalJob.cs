using TapBot.Domain.Approvals;
using TapBot.Domain.Ports;

namespace TapBot.Hosting;

/// <summary>Every minute, one instance (a job lease) expires undecided requests and reminds approvers once.</summary>
public sealed class ApprovalJob(IServiceScopeFactory scopes, TimeProvider time, ILogger<ApprovalJob> logger) : BackgroundService
{
    private const string Lease = "approval-deadlines";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1), time);
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Approval deadlines failed; they run again in a minute");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One pass: expiries first (an expired request needs no reminder), then reminders.</summary>
    public async Task RunOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IJobLeases>().RunAloneAsync(Lease, TimeSpan.FromMinutes(5), async () =>
        {
            var approvals = scope.ServiceProvider.GetRequiredService<ApprovalService>();
            var expired = await approvals.ExpireDueAsync(ct);
            var reminded = await approvals.RemindDueAsync(ct);
            if (expired + reminded > 0) logger.LogInformation("Approval deadlines: {Expired} expired, {Reminded} reminded", expired, reminded);
        }, ct);
    }
}
