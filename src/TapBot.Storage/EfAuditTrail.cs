using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TapBot.Domain.Audit;
using TapBot.Domain.Ports;

namespace TapBot.Storage;

/// <summary>
/// <see cref="IAuditTrail"/> on EF Core. Appends are optimistic: read the chain's head, insert the next sequence,
/// and start again if another writer (another instance, too) took that sequence first; the primary key decides.
/// Chain values are HMACs with the <see cref="AuditChainKey"/>, stored where the plain hashes were (same columns).
/// </summary>
internal sealed class EfAuditTrail(TapDbContext db, TimeProvider time, AuditChainKey key, IOptions<AuditOptions> options) : IAuditTrail
{
    private const int MaxAttempts = 25;

    public async Task<AuditEvent> AppendAsync(AuditEntry entry, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var (sequence, previous) = await NextLinkAsync(ct);
            var e = AuditEvent.Chain(key, sequence, time.GetUtcNow(), entry, previous);
            var row = new AuditEventRecord
            {
                Sequence = e.Sequence, AtUtcTicks = e.At.UtcTicks, Kind = e.Kind, ActorId = e.ActorId, TargetId = e.TargetId,
                DetailsJson = JsonSerializer.Serialize(entry.Details), PreviousHash = e.PreviousHash, Hash = e.Hash,
            };
            db.AuditEvents.Add(row);
            try
            {
                await db.SaveChangesAsync(ct);
                return ToEvent(row);
            }
            catch (DbUpdateException) when (attempt < MaxAttempts)
            {
                // Someone appended this sequence first: link to theirs instead.
                db.Entry(row).State = EntityState.Detached;
                await Task.Delay(Random.Shared.Next(1, 5 * attempt), ct);
            }
        }
    }

    public async Task<IReadOnlyList<AuditEvent>> RecentAsync(string personId, int max, CancellationToken ct)
    {
        var rows = await db.AuditEvents.AsNoTracking()
            .Where(e => e.TargetId == personId || e.ActorId == personId)
            .OrderByDescending(e => e.Sequence)
            .Take(max)
            .ToListAsync(ct);
        return rows.Select(ToEvent).ToList();
    }

    public async Task<IReadOnlyList<string>> RecentActorsAsync(IReadOnlyCollection<string> kinds, DateTimeOffset since, int max, CancellationToken ct)
    {
        var wanted = kinds.ToList();
        var ticks = since.UtcTicks;
        var actors = await db.AuditEvents.AsNoTracking()
            .Where(e => wanted.Contains(e.Kind) && e.AtUtcTicks >= ticks)
            .GroupBy(e => e.ActorId)
            .Select(g => new { ActorId = g.Key, Last = g.Max(e => e.Sequence) })
            .OrderByDescending(a => a.Last).Take(max).ToListAsync(ct);
        return actors.Select(a => a.ActorId).ToList();
    }

    public async Task<AuditVerification> VerifyAsync(CancellationToken ct)
    {
        var anchor = await db.AuditAnchor.AsNoTracking().FirstOrDefaultAsync(a => a.Id == 1, ct);
        var expectedSequence = (anchor?.PurgedThroughSequence ?? 0) + 1;
        var expectedPrevious = anchor?.LastPurgedHash ?? AuditEvent.Genesis;
        var unkeyedThrough = options.Value.UnkeyedThroughSequence;
        long count = 0, unkeyed = 0;
        long? first = null, last = null;
        await foreach (var row in db.AuditEvents.AsNoTracking().OrderBy(e => e.Sequence).AsAsyncEnumerable().WithCancellation(ct))
        {
            var e = ToEvent(row);
            string? problem = null;
            if (e.Sequence != expectedSequence) problem = $"event {expectedSequence} is missing (found {e.Sequence} next)";
            else if (e.PreviousHash != expectedPrevious) problem = $"event {e.Sequence} does not link to the event before it";
            else if (!e.HashMatches(key))
            {
                if (e.Sequence <= unkeyedThrough && e.HashMatchesUnkeyed()) unkeyed++;
                else problem = HashProblem(e);
            }

            if (problem is not null) return new AuditVerification(false, count, first, last, problem, unkeyed);

            first ??= e.Sequence;
            last = e.Sequence;
            count++;
            expectedSequence = e.Sequence + 1;
            expectedPrevious = e.Hash;
        }

        return new AuditVerification(true, count, first, last, null, unkeyed);
    }

    /// <summary>A plain SHA-256 is what an unkeyed TapBot wrote, and what anyone without the key can recompute.</summary>
    private static string HashProblem(AuditEvent e) => e.HashMatchesUnkeyed()
        ? $"event {e.Sequence} carries a chain value computed without TapBot's audit chain key: it was rewritten, or it was written before the chain was keyed (then set Audit:UnkeyedThroughSequence to the last such event, see docs/deployment.md)"
        : $"event {e.Sequence} was altered after it was written, or signed with another audit chain key than the one configured";

    public async Task<AuditHead?> HeadAsync(CancellationToken ct)
    {
        var head = await db.AuditEvents.AsNoTracking().OrderByDescending(e => e.Sequence)
            .Select(e => new AuditHead(e.Sequence, e.Hash)).FirstOrDefaultAsync(ct);
        if (head is not null) return head;

        var anchor = await db.AuditAnchor.AsNoTracking().FirstOrDefaultAsync(a => a.Id == 1, ct);
        return anchor is null ? null : new AuditHead(anchor.PurgedThroughSequence, anchor.LastPurgedHash);
    }

    public async Task<int> PurgeBeforeAsync(DateTimeOffset cutoff, CancellationToken ct)
    {
        var ticks = cutoff.UtcTicks;
        // Retention deletes a prefix of the chain: up to the newest event older than the cutoff.
        var through = await db.AuditEvents.AsNoTracking().Where(e => e.AtUtcTicks < ticks)
            .OrderByDescending(e => e.Sequence).Select(e => new { e.Sequence, e.Hash }).FirstOrDefaultAsync(ct);
        if (through is null) return 0;

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var anchor = await db.AuditAnchor.FirstOrDefaultAsync(a => a.Id == 1, ct);
        if (anchor is null)
        {
            db.AuditAnchor.Add(new AuditAnchorRecord { PurgedThroughSequence = through.Sequence, LastPurgedHash = through.Hash });
        }
        else if (anchor.PurgedThroughSequence < through.Sequence)
        {
            anchor.PurgedThroughSequence = through.Sequence;
            anchor.LastPurgedHash = through.Hash;
        }

        await db.SaveChangesAsync(ct);
        var deleted = await db.AuditEvents.Where(e => e.Sequence <= through.Sequence).ExecuteDeleteAsync(ct);
        await transaction.CommitAsync(ct);
        return deleted;
    }

    private async Task<(long Sequence, string Previous)> NextLinkAsync(CancellationToken ct) =>
        await HeadAsync(ct) is { } head ? (head.Sequence + 1, head.Hash) : (1, AuditEvent.Genesis);

    private static AuditEvent ToEvent(AuditEventRecord r) => new(
        r.Sequence, new DateTimeOffset(r.AtUtcTicks, TimeSpan.Zero), r.Kind, r.ActorId, r.TargetId,
        JsonSerializer.Deserialize<Dictionary<string, string>>(r.DetailsJson) ?? [], r.PreviousHash, r.Hash);
}
