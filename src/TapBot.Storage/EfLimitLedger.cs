using Microsoft.EntityFrameworkCore;
using TapBot.Domain.Ports;

namespace TapBot.Storage;

/// <summary>Row of <c>limit_slots</c>: one taken slot of a limit, for one person, in one window.</summary>
internal sealed class LimitSlotRecord
{
    public string Limit { get; set; } = "";
    public string Subject { get; set; } = "";
    public long WindowStartUtcTicks { get; set; }
    public int Slot { get; set; }
    public string Holder { get; set; } = "";
    public long ClaimedAtUtcTicks { get; set; }
}

/// <summary>
/// <see cref="ILimitLedger"/> as inserts of numbered slots under a primary key, atomic on SQLite and PostgreSQL alike:
/// a claim reads the taken numbers, inserts the lowest free one, and on a key conflict (another instance took it a
/// moment earlier) reads again. No isolation level is relied on: the key is the lock.
/// </summary>
internal sealed class EfLimitLedger(TapDbContext db) : ILimitLedger
{
    public async Task<bool> TryClaimAsync(LimitClaim claim, CancellationToken ct)
    {
        var start = claim.WindowStart.UtcTicks;
        // Each lost race means another claim succeeded, so this ends after at most Max + a few rounds.
        for (var round = 0; round < claim.Max + 5; round++)
        {
            var taken = await Window(claim.Limit, claim.Subject, start).AsNoTracking().ToListAsync(ct);
            if (taken.Any(s => s.Holder == claim.Holder)) return true;

            var free = Enumerable.Range(1, claim.Max).FirstOrDefault(n => taken.All(s => s.Slot != n));
            if (free > 0)
            {
                db.LimitSlots.Add(new LimitSlotRecord
                {
                    Limit = claim.Limit, Subject = claim.Subject, WindowStartUtcTicks = start, Slot = free, Holder = claim.Holder,
                    ClaimedAtUtcTicks = claim.At.UtcTicks,
                });
                try
                {
                    await db.SaveChangesAsync(ct);
                    return true;
                }
                catch (DbUpdateException)
                {
                    db.ChangeTracker.Clear();
                    continue;
                }
                finally
                {
                    db.ChangeTracker.Clear();
                }
            }

            if (claim.StillOpen is not { } open) return false;
            var reclaim = claim.ReclaimBefore.UtcTicks;
            var stale = taken.FirstOrDefault(s => !open.Contains(s.Holder) && s.ClaimedAtUtcTicks < reclaim);
            if (stale is null) return false;
            // Conditional on the holder read: of two instances reclaiming the same slot, one updates it.
            var moved = await Window(claim.Limit, claim.Subject, start)
                .Where(s => s.Slot == stale.Slot && s.Holder == stale.Holder && s.ClaimedAtUtcTicks == stale.ClaimedAtUtcTicks)
                .ExecuteUpdateAsync(set => set.SetProperty(s => s.Holder, claim.Holder).SetProperty(s => s.ClaimedAtUtcTicks, claim.At.UtcTicks), ct);
            if (moved == 1) return true;
        }

        return false;
    }

    public Task<int> CountAsync(string limit, string subject, DateTimeOffset windowStart, CancellationToken ct) =>
        Window(limit, subject, windowStart.UtcTicks).CountAsync(ct);

    public Task ReleaseAsync(string limit, string subject, DateTimeOffset windowStart, string holder, CancellationToken ct) =>
        Window(limit, subject, windowStart.UtcTicks).Where(s => s.Holder == holder).ExecuteDeleteAsync(ct);

    public Task<int> PruneAsync(DateTimeOffset before, CancellationToken ct)
    {
        var ticks = before.UtcTicks;
        var epoch = DateTimeOffset.UnixEpoch.UtcTicks;
        return db.LimitSlots.Where(s => s.WindowStartUtcTicks < ticks && s.WindowStartUtcTicks != epoch).ExecuteDeleteAsync(ct);
    }

    private IQueryable<LimitSlotRecord> Window(string limit, string subject, long start) =>
        db.LimitSlots.Where(s => s.Limit == limit && s.Subject == subject && s.WindowStartUtcTicks == start);
}
