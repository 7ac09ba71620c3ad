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
/// An entry as stored: numbered, timed and chained. Each event carries the chain value of the one before it, and its
/// own is an HMAC-SHA256 (with the <see cref="AuditChainKey"/>) over every field and that previous value; so editing,
/// deleting or reordering any event breaks the chain, and only the key's holder can recompute it.
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

    /// <summary>The event that follows <paramref name="previousHash"/>, with its keyed chain value.</summary>
    public static AuditEvent Chain(AuditChainKey key, long sequence, DateTimeOffset at, AuditEntry entry, string previousHash)
    {
        var draft = new AuditEvent(sequence, at, entry.Kind, entry.ActorId, entry.TargetId, entry.Details, previousHash, "");
        return draft with { Hash = key.Sign(draft.Canonical()) };
    }

    public bool HashMatches(AuditChainKey key) => Hash == key.Sign(Canonical());

    /// <summary>
    /// Whether the hash is the plain SHA-256 TapBot wrote before the chain was keyed. Anyone can compute it, so it is
    /// accepted only for the events an operator declared older than the key (<see cref="AuditOptions.UnkeyedThroughSequence"/>).
    /// </summary>
    public bool HashMatchesUnkeyed() => Hash == Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Canonical())));

    /// <summary>Every field and the previous chain value, in a fixed, unambiguous layout (never change it: it is signed).</summary>
    private string Canonical() => JsonSerializer.Serialize(new object?[]
    {
        Sequence, At.UtcTicks, Kind, ActorId, TargetId,
        Details.OrderBy(d => d.Key, StringComparer.Ordinal).Select(d => new[] { d.Key, d.Value }).ToArray(),
        PreviousHash,
    });
}

/// <summary>The chain's newest link: what an exported copy of it proves was there (a later, shorter chain was truncated).</summary>
public sealed record AuditHead(long Sequence, string Hash);

/// <summary>The result of checking the whole chain. <paramref name="Unkeyed"/>: events accepted with a pre-key plain SHA-256.</summary>
public sealed record AuditVerification(bool Intact, long Events, long? FirstSequence, long? LastSequence, string? Problem, long Unkeyed = 0);
