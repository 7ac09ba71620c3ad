namespace TapBot.Storage;

/// <summary>Row of <c>audit_events</c>. The sequence is assigned by the writer (not the database) because it is hashed.</summary>
internal sealed class AuditEventRecord
{
    public long Sequence { get; set; }
    public long AtUtcTicks { get; set; }
    public string Kind { get; set; } = "";
    public string ActorId { get; set; } = "";
    public string? TargetId { get; set; }
    public string DetailsJson { get; set; } = "{}";
    public string PreviousHash { get; set; } = "";
    public string Hash { get; set; } = "";
}

/// <summary>Single row of <c>audit_anchor</c>: where the chain starts after retention deleted its beginning.</summary>
internal sealed class AuditAnchorRecord
{
    public int Id { get; set; } = 1;
    public long PurgedThroughSequence { get; set; }
    public string LastPurgedHash { get; set; } = "";
}
