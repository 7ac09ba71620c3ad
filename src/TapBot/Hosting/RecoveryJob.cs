using TapBot.Domain.Issuance;
using TapBot.Domain.Jobs;

namespace TapBot.Hosting;

/// <summary>At start and every minute, one instance cleans up issuances a crash interrupted.</summary>
public sealed class RecoveryJob(IServiceScopeFactory scopes, TimeProvider time, ILogger<RecoveryJob> logger) : LeasedJob(scopes, time, logger)
{
    protected override string Lease => "issuance-recovery";

    protected override async Task RunAsync(IServiceProvider services, CancellationToken ct)
    {
        var recovered = await services.GetRequiredService<RecoveryService>().RecoverInterruptedAsync(ct);
        if (recovered > 0) logger.LogWarning("Recovered {Count} interrupted issuances (their passes were deleted)", recovered);
    }
}
