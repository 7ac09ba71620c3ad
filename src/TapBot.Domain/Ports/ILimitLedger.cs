namespace TapBot.Domain.Ports;

/// <summary>
/// Numbered slots per limit, person and window, shared by every instance. Claiming a slot is race-free across
/// processes: each slot number is unique, so two instances racing for the last one cannot both get it.
/// </summary>
public interface ILimitLedger
{
    /// <summary>
    /// Claims one of <see cref="LimitClaim.Max"/> slots for the claim's holder; false when all are taken. A holder
    /// that already holds a slot in this window keeps it (true), so a retried click is not counted twice.
    /// </summary>
    Task<bool> TryClaimAsync(LimitClaim claim, CancellationToken ct);

    /// <summary>How many slots are taken in a window.</summary>
    Task<int> CountAsync(string limit, string subject, DateTimeOffset windowStart, CancellationToken ct);

    /// <summary>Gives back the holder's slot (a grant that did not stand).</summary>
    Task ReleaseAsync(string limit, string subject, DateTimeOffset windowStart, string holder, CancellationToken ct);

    /// <summary>Deletes slots of windows that started before <paramref name="before"/> (not those without a window).</summary>
    Task<int> PruneAsync(DateTimeOffset before, CancellationToken ct);
}

/// <param name="Limit">The limit's stored name.</param>
/// <param name="Subject">Whose count (a person's object id).</param>
/// <param name="WindowStart">The window's start (the epoch for a limit without a window).</param>
/// <param name="Holder">What takes the slot (a request id, a refusal's id).</param>
public sealed record LimitClaim(string Limit, string Subject, DateTimeOffset WindowStart, int Max, string Holder, DateTimeOffset At)
{
    /// <summary>
    /// For a limit on things that end (open requests): the holders still open. A slot whose holder is not among them
    /// and that was claimed before <see cref="ReclaimBefore"/> is free again. Null: slots last for their window.
    /// </summary>
    public IReadOnlySet<string>? StillOpen { get; init; }

    /// <summary>A slot claimed after this is kept even if its holder is not open yet (its request is being filed).</summary>
    public DateTimeOffset ReclaimBefore { get; init; }
}
