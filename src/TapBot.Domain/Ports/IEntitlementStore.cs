using TapBot.Domain.Entitlements;

namespace TapBot.Domain.Ports;

/// <summary>Where pass entitlements live (never a code: none exists until the reveal). Saves are conditional on the version read.</summary>
public interface IEntitlementStore
{
    Task AddAsync(PassEntitlement entitlement, CancellationToken ct);

    Task<PassEntitlement?> GetAsync(Guid id, CancellationToken ct);

    /// <summary>Saves a changed entitlement; throws <see cref="EntitlementChangedException"/> when someone saved first.</summary>
    Task SaveAsync(PassEntitlement entitlement, CancellationToken ct);

    /// <summary>Ready entitlements for a person's account (approved, not yet shown), newest first.</summary>
    Task<IReadOnlyList<PassEntitlement>> ReadyForTargetAsync(string tenantId, string targetId, CancellationToken ct);

    /// <summary>Ready entitlements whose reveal-by has passed, oldest first (for the expiry job).</summary>
    Task<IReadOnlyList<PassEntitlement>> ReadyPastRevealByAsync(DateTimeOffset now, int max, CancellationToken ct);

    /// <summary>Shown entitlements whose pass is no longer valid and whose card still stands as it was when shown.</summary>
    Task<IReadOnlyList<PassEntitlement>> ShownPastValidUntilAsync(DateTimeOffset now, int max, CancellationToken ct);

    /// <summary>Reveals that began before <paramref name="revealingBefore"/> and never finished (a crash), oldest first.</summary>
    Task<IReadOnlyList<PassEntitlement>> InterruptedRevealsAsync(DateTimeOffset revealingBefore, int max, CancellationToken ct);
}
