using Microsoft.Extensions.Options;
using TapBot.Domain.Audit;
using TapBot.Domain.Issuance;
using TapBot.Domain.Ports;

namespace TapBot.Domain.Entitlements;

/// <summary>
/// What happens to entitlements without a click: unshown ones expire, a reveal a crash interrupted is undone (its pass
/// deleted, the entitlement Ready again, since the code reached nobody), and a revoke cancels what was not shown yet.
/// </summary>
public sealed class EntitlementUpkeep(
    IEntitlementStore entitlements,
    EntitlementService service,
    IEntitlementCards cards,
    ITemporaryAccessPasses passes,
    IAuditTrail audit,
    IOptions<IssuanceOptions> options,
    TimeProvider time)
{
    public const int BatchSize = 50;

    /// <summary>Ready entitlements past their reveal-by become Expired, are audited, and their cards say how to ask again.</summary>
    public async Task<int> ExpireDueAsync(CancellationToken ct)
    {
        var expired = 0;
        foreach (var entitlement in await entitlements.ReadyPastRevealByAsync(time.GetUtcNow(), BatchSize, ct))
        {
            if (await service.ExpireAsync(entitlement, ct) is not null) expired++;
        }

        return expired;
    }

    /// <summary>Cards of shown passes that are no longer valid say so ("shown at … valid until …"); a failed rewrite is tried again.</summary>
    public async Task<int> CloseShownCardsAsync(CancellationToken ct)
    {
        var closed = 0;
        foreach (var entitlement in await entitlements.ShownPastValidUntilAsync(time.GetUtcNow(), BatchSize, ct))
        {
            if (await service.CloseShownCardAsync(entitlement, ct)) closed++;
        }

        return closed;
    }

    /// <summary>
    /// Reveals stuck longer than <see cref="IssuanceOptions.RecoverAfterSeconds"/>: the entitlement is returned to Ready
    /// (saved first, so a revealer still at work loses its next save and takes its own pass back), then the pass it
    /// recorded is deleted. Fail closed: a pass whose code may have reached nobody is worse than a second click.
    /// </summary>
    public async Task<int> RecoverInterruptedAsync(CancellationToken ct)
    {
        var cutoff = time.GetUtcNow().AddSeconds(-options.Value.RecoverAfterSeconds);
        var recovered = 0;
        foreach (var entitlement in await entitlements.InterruptedRevealsAsync(cutoff, BatchSize, ct))
        {
            var passId = entitlement.PassId;
            entitlement.ReturnToReady();
            try
            {
                await entitlements.SaveAsync(entitlement, ct);
            }
            catch (EntitlementChangedException)
            {
                continue; // its revealer finished first, or another instance recovered it
            }

            if (passId is not null) await passes.DeleteAsync(entitlement.TargetId, passId, ct);
            await audit.AppendAsync(EntitlementService.Audit(AuditKinds.RevealRecovered, AuditKinds.SystemActor, entitlement,
                ("passDeleted", passId ?? "none recorded")), ct);
            recovered++;
        }

        return recovered;
    }

    /// <summary>Cancels every unshown entitlement for a person's account (a revoke); returns how many.</summary>
    public async Task<int> CancelForTargetAsync(string tenantId, string targetId, string actorId, CancellationToken ct)
    {
        var cancelled = 0;
        foreach (var entitlement in await entitlements.ReadyForTargetAsync(tenantId, targetId, ct))
        {
            if (await CancelAsync(entitlement, actorId, ct)) cancelled++;
        }

        return cancelled;
    }

    /// <summary>Cancels one unshown entitlement; false when it was shown, expired or changed meanwhile.</summary>
    public async Task<bool> CancelAsync(PassEntitlement entitlement, string actorId, CancellationToken ct)
    {
        if (entitlement.State != EntitlementState.Ready) return false;
        entitlement.Cancel("revoked");
        try
        {
            await entitlements.SaveAsync(entitlement, ct);
        }
        catch (EntitlementChangedException)
        {
            return false;
        }

        await audit.AppendAsync(EntitlementService.Audit(AuditKinds.EntitlementCancelled, actorId, entitlement, ("why", "revoked")), ct);
        await cards.RewriteAsync(entitlement, ct);
        return true;
    }
}
