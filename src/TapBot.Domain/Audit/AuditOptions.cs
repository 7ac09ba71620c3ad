using TapBot.Domain.Configuration;

namespace TapBot.Domain.Audit;

/// <summary>Audit trail retention and the chain's cut-over to a key. Bound from the <c>Audit</c> section.</summary>
public sealed class AuditOptions : ICheckedOptions
{
    public const string Section = "Audit";

    /// <value>Days an audit event is kept before the retention job deletes it. Default 400 (more than a year, so a
    /// yearly review still sees a full year). 0 keeps events forever.</value>
    public int RetentionDays { get; set; } = 400;

    /// <value>How often the retention job runs, in hours. Default 6.</value>
    public int PurgeEveryHours { get; set; } = 6;

    /// <value>
    /// The last event written before TapBot keyed its audit chain (an upgrade from an unkeyed version): events up to
    /// this sequence may carry the old plain SHA-256 chain value; every later one must carry the keyed one. Set it
    /// once, to the number <c>audit verify</c> reports, outside the database like the key. Default 0 (none).
    /// </value>
    public long UnkeyedThroughSequence { get; set; }

    public IEnumerable<string> Problems()
    {
        if (RetentionDays < 0) yield return "Audit:RetentionDays must be 0 (keep forever) or more.";
        if (PurgeEveryHours is < 1 or > 168) yield return "Audit:PurgeEveryHours must be 1..168.";
        if (UnkeyedThroughSequence < 0) yield return "Audit:UnkeyedThroughSequence must be 0 (none) or more.";
    }
}
