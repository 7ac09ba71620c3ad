using TapBot.Domain.Audit;

namespace TapBot.Domain.Ports;

/// <summary>The append-only, tamper-evident audit trail.</summary>
public interface IAuditTrail
{
    /// <summary>Appends an entry at the end of the chain and returns it as stored.</summary>
    Task<AuditEvent> AppendAsync(AuditEntry entry, CancellationToken ct);

    /// <summary>The newest events about a person (as actor or target), newest first.</summary>
    Task<IReadOnlyList<AuditEvent>> RecentAsync(string personId, int max, CancellationToken ct);

    /// <summary>Distinct people who recorded events of these kinds since a moment, most recent first.</summary>
    Task<IReadOnlyList<string>> RecentActorsAsync(IReadOnlyCollection<string> kinds, DateTimeOffset since, int max, CancellationToken ct);

    /// <summary>The newest event's sequence and chain value (or, when retention deleted them all, the anchor's); null when empty.</summary>
    Task<AuditHead?> HeadAsync(CancellationToken ct);

    /// <summary>Recomputes every hash and link; reports the first break.</summary>
    Task<AuditVerification> VerifyAsync(CancellationToken ct);

    /// <summary>
    /// Deletes events older than the cutoff (retention), keeping the chain verifiable: the hash of the last deleted
    /// event becomes the anchor the first remaining event must link to. Returns how many were deleted.
    /// </summary>
    Task<int> PurgeBeforeAsync(DateTimeOffset cutoff, CancellationToken ct);
}
