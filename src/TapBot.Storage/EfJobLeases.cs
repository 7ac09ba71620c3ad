using Microsoft.EntityFrameworkCore;
using TapBot.Domain.Ports;

namespace TapBot.Storage;

/// <summary>Row of <c>job_leases</c>.</summary>
internal sealed class JobLeaseRecord
{
    public string Name { get; set; } = "";
    public string Holder { get; set; } = "";
    public long ExpiresAtUtcTicks { get; set; }
}

/// <summary>
/// <see cref="IJobLeases"/> as single conditional statements, atomic on SQLite and PostgreSQL alike: an UPDATE that
/// only matches a free, expired or own lease, and an INSERT whose primary key settles a race for a new one.
/// </summary>
internal sealed class EfJobLeases(TapDbContext db, InstanceIdentity instance, TimeProvider time) : IJobLeases
{
    public async Task<bool> TryAcquireAsync(string job, TimeSpan duration, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcTicks;
        var until = now + duration.Ticks;
        var taken = await db.JobLeases
            .Where(l => l.Name == job && (l.ExpiresAtUtcTicks <= now || l.Holder == instance.Id))
            .ExecuteUpdateAsync(set => set.SetProperty(l => l.Holder, instance.Id).SetProperty(l => l.ExpiresAtUtcTicks, until), ct);
        if (taken == 1) return true;
        if (await db.JobLeases.AnyAsync(l => l.Name == job, ct)) return false;

        db.JobLeases.Add(new JobLeaseRecord { Name = job, Holder = instance.Id, ExpiresAtUtcTicks = until });
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            // Another instance created the lease first.
            db.ChangeTracker.Clear();
            return false;
        }
    }

    public Task ReleaseAsync(string job, CancellationToken ct) =>
        db.JobLeases.Where(l => l.Name == job && l.Holder == instance.Id)
            .ExecuteUpdateAsync(set => set.SetProperty(l => l.ExpiresAtUtcTicks, 0L), ct);
}
