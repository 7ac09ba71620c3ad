using TapBot.Domain.Limits;
using TapBot.Domain.Ports;
using TapBot.Domain.Requests;

namespace TapBot.UnitTests;

/// <summary>The ledger's contract in memory, for the rule tests (the storage suite proves the real one, races included).</summary>
internal sealed class FakeLimitLedger : ILimitLedger
{
    private readonly List<(string Key, int Slot, string Holder, DateTimeOffset At)> _slots = [];

    private static string Key(string limit, string subject, DateTimeOffset start) => $"{limit}|{subject}|{start.UtcTicks}";

    public Task<bool> TryClaimAsync(LimitClaim claim, CancellationToken ct)
    {
        var key = Key(claim.Limit, claim.Subject, claim.WindowStart);
        var taken = _slots.Where(s => s.Key == key).ToList();
        if (taken.Any(s => s.Holder == claim.Holder)) return Task.FromResult(true);
        if (taken.Count < claim.Max)
        {
            _slots.Add((key, Enumerable.Range(1, claim.Max).First(n => taken.All(s => s.Slot != n)), claim.Holder, claim.At));
            return Task.FromResult(true);
        }

        var stale = claim.StillOpen is { } open ? taken.FirstOrDefault(s => !open.Contains(s.Holder) && s.At < claim.ReclaimBefore) : default;
        if (stale.Key is null) return Task.FromResult(false);
        _slots.Remove(stale);
        _slots.Add((key, stale.Slot, claim.Holder, claim.At));
        return Task.FromResult(true);
    }

    public Task<int> CountAsync(string limit, string subject, DateTimeOffset windowStart, CancellationToken ct) =>
        Task.FromResult(_slots.Count(s => s.Key == Key(limit, subject, windowStart)));

    public Task ReleaseAsync(string limit, string subject, DateTimeOffset windowStart, string holder, CancellationToken ct)
    {
        _slots.RemoveAll(s => s.Key == Key(limit, subject, windowStart) && s.Holder == holder);
        return Task.CompletedTask;
    }

    public Task<int> PruneAsync(DateTimeOffset before, CancellationToken ct) => throw new NotSupportedException();
}

/// <summary>Remembers the alerts it was asked to post.</summary>
internal sealed class FakeSecurityAlerts : ISecurityAlerts
{
    public List<LimitAlert> Posted { get; } = [];

    public Task<bool> PostAsync(LimitAlert alert, CancellationToken ct)
    {
        Posted.Add(alert);
        return Task.FromResult(true);
    }
}

/// <summary>Only the open requests a person filed: all <see cref="Domain.Limits.AbuseLimits"/> reads from the request store.</summary>
internal sealed class FakeOpenRequests : IRequestStore
{
    public List<Guid> Open { get; } = [];

    public Task<IReadOnlyList<Guid>> PendingFiledByAsync(string tenantId, string requesterId, CancellationToken ct) => Task.FromResult<IReadOnlyList<Guid>>(Open.ToList());

    public Task AddAsync(AccessRequest request, CancellationToken ct) => throw new NotSupportedException();
    public Task<AccessRequest?> FindBySourceKeyAsync(string sourceKey, CancellationToken ct) => throw new NotSupportedException();
    public Task<AccessRequest?> GetAsync(Guid id, CancellationToken ct) => throw new NotSupportedException();
    public Task SaveAsync(AccessRequest request, CancellationToken ct) => throw new NotSupportedException();
    public Task<AccessRequest?> FindByPassIdAsync(string passId, CancellationToken ct) => throw new NotSupportedException();
    public Task<IReadOnlyList<AccessRequest>> UnredactedDeliveriesAsync(int max, CancellationToken ct) => throw new NotSupportedException();
    public Task<IReadOnlyList<AccessRequest>> InterruptedAsync(DateTimeOffset issuingBefore, int max, CancellationToken ct) => throw new NotSupportedException();
    public Task<IReadOnlyList<AccessRequest>> PendingPastDeadlineAsync(DateTimeOffset now, int max, CancellationToken ct) => throw new NotSupportedException();
    public Task<AccessRequest?> PendingForTargetAsync(string tenantId, string targetId, CancellationToken ct) => throw new NotSupportedException();
    public Task<IReadOnlyList<AccessRequest>> DueForReminderAsync(DateTimeOffset createdBefore, int max, CancellationToken ct) => throw new NotSupportedException();
}
