using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace TapBot.Domain.Audit;

/// <summary>
/// Something that happened, for the audit trail: who did what to whom, with plain details. Never a passcode:
/// details are names, ids, lifetimes, reasons.
/// </summary>
public sealed record AuditEntry(string Kind, string ActorId, string? TargetId, IReadOnlyDictionary<string, string> Details)
{
    public static AuditEntry Of(string kind, string actorId, string? targetId, params (string Key, string Value)[] details) =>
        new(kind, actorId, targetId, details.ToDictionary(d => d.Key, d => d.Value));
}

/// <summary>
/// An entry as stored: numbered, timed and chained. Each event carries the hash of the one before it, so editing,
/// deleting or reordering any event breaks every hash after it.
/// </summary>
public sealed record AuditEvent(
    long Sequence,
    DateTimeOffset At,
    string Kind,
    string ActorId,
    string? TargetId,
    IReadOnlyDictionary<string, string> Details,
    string PreviousHash,
    string Hash)
{
    /// <summary>The previous hash of the very first event.</summary>
    public static readonly string Genesis = new('0', 64);

    /// <summary>SHA-256 over every field and the previous hash, in a fixed, unambiguous layout.</summary>
    public static string ComputeHash(long sequence, DateTimeOffset at, string kind, string actorId, string? targetId,
        IReadOnlyDictionary<string, string> details, string previousHash)
    {
        var canonical = JsonSerializer.Serialize(new object?[]
        {
            sequence, at.UtcTicks, kind, actorId, targetId,
            details.OrderBy(d => d.Key, StringComparer.Ordinal).Select(d => new[] { d.Key, d.Value }).ToArray(),
            previousHash,
        });
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    public bool HashMatches() => Hash == ComputeHash(Sequence, At, Kind, ActorId, TargetId, Details, PreviousHash);
}

/// <summary>The result of checking the whole chain.</summary>
public sealed record AuditVerification(bool Intact, long Events, long? FirstSequence, long? LastSequence, string? Problem);
