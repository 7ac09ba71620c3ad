using TapBot.Domain.Entitlements;

namespace TapBot.Domain.Ports;

/// <summary>
/// The entitlement's card in the recipient's own 1:1 chat: posted without a code, and rewritten as its state changes
/// (shown, expired, cancelled). Implemented over Teams.
/// </summary>
public interface IEntitlementCards
{
    /// <summary>Posts the "ready for you … Show code" card; null when it could not reach the recipient privately.</summary>
    Task<EntitlementCard?> PostAsync(PassEntitlement entitlement, CancellationToken ct);

    /// <summary>Rewrites the posted card for the entitlement's current state; false when Teams refused (or there is no card).</summary>
    Task<bool> RewriteAsync(PassEntitlement entitlement, CancellationToken ct);
}
