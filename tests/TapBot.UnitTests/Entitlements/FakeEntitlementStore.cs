using TapBot.Domain.Entitlements;
using TapBot.Domain.Ports;

namespace TapBot.UnitTests.Entitlements;

/// <summary>Entitlements in memory, with the version check real storage makes.</summary>
internal sealed class FakeEntitlementStore : IEntitlementStore
{
    private readonly Dictionary<Guid, (PassEntitlement Entitlement, int Version)> _rows = new();

    public Task AddAsync(PassEntitlement entitlement, CancellationToken ct)
    {
        _rows[entitlement.Id] = (entitlement, entitlement.Version);
        return Task.CompletedTask;
    }

    public Task<PassEntitlement?> GetAsync(Guid id, CancellationToken ct) => Task.FromResult(_rows.TryGetValue(id, out var row) ? row.Entitlement : null);

    public Task SaveAsync(PassEntitlement entitlement, CancellationToken ct)
    {
        if (_rows[entitlement.Id].Version != entitlement.Version) throw new EntitlementChangedException(entitlement.Id);
        entitlement.MarkSaved(entitlement.Version + 1);
        _rows[entitlement.Id] = (entitlement, entitlement.Version);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<PassEntitlement>> ReadyForTargetAsync(string tenantId, string targetId, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<PassEntitlement>>(_rows.Values.Select(r => r.Entitlement)
            .Where(e => e.TenantId == tenantId && e.TargetId == targetId && e.State == EntitlementState.Ready).ToList());

    public Task<IReadOnlyList<PassEntitlement>> ReadyPastRevealByAsync(DateTimeOffset now, int max, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<PassEntitlement>>(_rows.Values.Select(r => r.Entitlement)
            .Where(e => e.State == EntitlementState.Ready && e.RevealBy <= now).Take(max).ToList());

    public Task<IReadOnlyList<PassEntitlement>> ShownPastValidUntilAsync(DateTimeOffset now, int max, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<PassEntitlement>>(_rows.Values.Select(r => r.Entitlement)
            .Where(e => e.State == EntitlementState.Shown && e.Card is not null && e.ValidUntil <= now).Take(max).ToList());

    public Task<IReadOnlyList<PassEntitlement>> InterruptedRevealsAsync(DateTimeOffset revealingBefore, int max, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<PassEntitlement>>(_rows.Values.Select(r => r.Entitlement)
            .Where(e => e.State == EntitlementState.Revealing && e.RevealingSince <= revealingBefore).Take(max).ToList());
}
