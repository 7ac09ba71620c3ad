using TapBot.Domain.Entitlements;
using TapBot.Domain.Jobs;

namespace TapBot.Hosting;

/// <summary>
/// At start and every minute, one instance closes entitlements nobody showed in time and undoes reveals a crash
/// interrupted (their passes deleted, the entitlements Ready to be shown again).
/// </summary>
public sealed class EntitlementJob(IServiceScopeFactory scopes, TimeProvider time, ILogger<EntitlementJob> logger) : LeasedJob(scopes, time, logger)
{
    protected override string Lease => "entitlements";

    protected override async Task RunAsync(IServiceProvider services, CancellationToken ct)
    {
        var upkeep = services.GetRequiredService<EntitlementUpkeep>();
        var recovered = await upkeep.RecoverInterruptedAsync(ct);
        if (recovered > 0) logger.LogWarning("Recovered {Count} interrupted reveals (their passes were deleted; they can be shown again)", recovered);
        var expired = await upkeep.ExpireDueAsync(ct);
        if (expired > 0) logger.LogInformation("Expired {Count} unshown pass entitlements", expired);
        var closed = await upkeep.CloseShownCardsAsync(ct);
        if (closed > 0) logger.LogInformation("Rewrote {Count} cards of shown passes that are no longer valid", closed);
    }
}
