namespace TapBot.Domain.Limits;

/// <summary>The abuse limits. Their names are stored (ledger rows, audit events): never rename one.</summary>
public enum LimitKind
{
    /// <summary>Passes granted for one person per UTC day.</summary>
    PassesPerPerson,

    /// <summary>Passes granted by one approver per clock hour.</summary>
    IssuancesPerApprover,

    /// <summary>Requests on behalf of others waiting for a decision at once, per person filing them.</summary>
    OpenRequestsPerOperator,

    /// <summary>Requests for one person's account per UTC day.</summary>
    RequestsPerPerson,

    /// <summary>Refused commands and clicks per person per ten minutes.</summary>
    RefusedCommands,
}

/// <summary>The fixed UTC window a limit counts in.</summary>
public static class LimitWindows
{
    /// <summary>Start of the window holding <paramref name="at"/>; the epoch for a limit without a window (open requests).</summary>
    public static DateTimeOffset StartOf(LimitKind kind, DateTimeOffset at)
    {
        var utc = at.UtcDateTime;
        return kind switch
        {
            LimitKind.PassesPerPerson or LimitKind.RequestsPerPerson => new DateTimeOffset(utc.Date, TimeSpan.Zero),
            LimitKind.IssuancesPerApprover => new DateTimeOffset(utc.Date.AddHours(utc.Hour), TimeSpan.Zero),
            LimitKind.RefusedCommands => new DateTimeOffset(utc.Date.AddHours(utc.Hour).AddMinutes(utc.Minute / 10 * 10), TimeSpan.Zero),
            _ => DateTimeOffset.UnixEpoch,
        };
    }

    /// <summary>When the window holding <paramref name="at"/> ends; null for open requests (a slot frees when a request is decided).</summary>
    public static DateTimeOffset? EndOf(LimitKind kind, DateTimeOffset at) => kind switch
    {
        LimitKind.PassesPerPerson or LimitKind.RequestsPerPerson => StartOf(kind, at).AddDays(1),
        LimitKind.IssuancesPerApprover => StartOf(kind, at).AddHours(1),
        LimitKind.RefusedCommands => StartOf(kind, at).AddMinutes(10),
        _ => null,
    };
}

/// <summary>
/// Why something was refused by a limit: which one, its maximum, when it resets (null: when one of the open requests
/// is decided or expires) and, for a limit on someone else's account, that person's name.
/// </summary>
public sealed record LimitRefusal(LimitKind Kind, int Max, DateTimeOffset? ResetsAt, string? SubjectName = null)
{
    /// <summary>A plain English line for logs and audit, never shown as is: the cards word it for the reader.</summary>
    public override string ToString() => $"limit {Kind} ({Max}) reached; resets {ResetsAt?.ToString("u", System.Globalization.CultureInfo.InvariantCulture) ?? "when a request is decided"}";
}

/// <summary>A limit was hit: what the security-alerts channel is told. Names only, no passcode, no more than needed.</summary>
public sealed record LimitAlert(LimitKind Kind, int Max, string ActorId, string ActorName, string? SubjectName, DateTimeOffset At, DateTimeOffset? ResetsAt);

/// <summary>Whether a person may be served now, or has refused commands past the limit.</summary>
public abstract record RefusalGate
{
    private RefusalGate() { }

    public sealed record Open : RefusalGate;

    /// <summary>Past the limit: <paramref name="TellNow"/> is true for the one turn that is answered; the others get silence.</summary>
    public sealed record Paused(LimitRefusal Refusal, bool TellNow) : RefusalGate;
}
