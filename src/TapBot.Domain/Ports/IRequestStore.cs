using TapBot.Domain.Requests;

namespace TapBot.Domain.Ports;

/// <summary>Where requests live. Saves are conditional on the version read: a stale save throws.</summary>
public interface IRequestStore
{
    /// <summary>Stores a new request; throws <see cref="DuplicateRequestException"/> when its source key is taken.</summary>
    Task AddAsync(AccessRequest request, CancellationToken ct);

    /// <summary>The request started from this source (card message), if any.</summary>
    Task<AccessRequest?> FindBySourceKeyAsync(string sourceKey, CancellationToken ct);

    Task<AccessRequest?> GetAsync(Guid id, CancellationToken ct);

    /// <summary>Saves a changed request; throws <see cref="RequestChangedException"/> when someone saved first.</summary>
    Task SaveAsync(AccessRequest request, CancellationToken ct);

    /// <summary>The request that issued this pass, if TapBot issued it.</summary>
    Task<AccessRequest?> FindByPassIdAsync(string passId, CancellationToken ct);

    /// <summary>Requests whose passcode card is still showing a code (delivered, not yet redacted), oldest first.</summary>
    Task<IReadOnlyList<AccessRequest>> UnredactedDeliveriesAsync(int max, CancellationToken ct);

    /// <summary>
    /// Requests still between approval and delivery whose issuing step began (or, not begun, whose approval was made)
    /// before <paramref name="issuingBefore"/>: interrupted (a crash, a restart, a call that never returned), because
    /// a live issuance finishes in seconds. Oldest first.
    /// </summary>
    Task<IReadOnlyList<AccessRequest>> InterruptedAsync(DateTimeOffset issuingBefore, int max, CancellationToken ct);

    /// <summary>Pending requests whose deadline has passed (for the expiry job).</summary>
    Task<IReadOnlyList<AccessRequest>> PendingPastDeadlineAsync(DateTimeOffset now, int max, CancellationToken ct);

    /// <summary>The pending request for this person's account, if any (one at a time).</summary>
    Task<AccessRequest?> PendingForTargetAsync(string tenantId, string targetId, CancellationToken ct);

    /// <summary>Ids of the pending requests this person filed for someone else's account (open requests per operator).</summary>
    Task<IReadOnlyList<Guid>> PendingFiledByAsync(string tenantId, string requesterId, CancellationToken ct);

    /// <summary>Pending requests created before <paramref name="createdBefore"/> and not reminded yet, oldest first.</summary>
    Task<IReadOnlyList<AccessRequest>> DueForReminderAsync(DateTimeOffset createdBefore, int max, CancellationToken ct);
}
