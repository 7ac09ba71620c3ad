using Microsoft.EntityFrameworkCore;
using TapBot.Domain.Entitlements;
using TapBot.Domain.Ports;

namespace TapBot.Storage;

/// <summary>Row of <c>pass_entitlements</c>; instants are UTC ticks so SQLite can order and compare them. No code, ever.</summary>
internal sealed class PassEntitlementRecord
{
    public Guid Id { get; set; }
    public string TenantId { get; set; } = "";
    public string TargetId { get; set; } = "";
    public string TargetUpn { get; set; } = "";
    public string TargetName { get; set; } = "";
    public string RecipientId { get; set; } = "";
    public string ApproverId { get; set; } = "";
    public string ApproverName { get; set; } = "";
    public Guid? RequestId { get; set; }
    public int LifetimeInMinutes { get; set; }
    public long? StartsAtUtcTicks { get; set; }
    public bool IsUsableOnce { get; set; }
    public string Reason { get; set; } = "";
    public long CreatedAtUtcTicks { get; set; }
    public long RevealByUtcTicks { get; set; }
    public string State { get; set; } = "";
    public long? RevealingSinceUtcTicks { get; set; }
    public string? PassId { get; set; }
    public long? ShownAtUtcTicks { get; set; }
    public long? ValidFromUtcTicks { get; set; }
    public long? ValidUntilUtcTicks { get; set; }
    public string? CardConversationId { get; set; }
    public string? CardMessageId { get; set; }
    public string? EndReason { get; set; }
    public int Version { get; set; }
}

/// <summary><see cref="IEntitlementStore"/> on EF Core with <see cref="PassEntitlement.Version"/> as the concurrency token.</summary>
internal sealed class EfEntitlementStore(TapDbContext db) : IEntitlementStore
{
    private static readonly string Ready = nameof(EntitlementState.Ready), Revealing = nameof(EntitlementState.Revealing);

    public async Task AddAsync(PassEntitlement entitlement, CancellationToken ct)
    {
        db.PassEntitlements.Add(ToRecord(entitlement, entitlement.Version));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    public async Task<PassEntitlement?> GetAsync(Guid id, CancellationToken ct)
    {
        var row = await db.PassEntitlements.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        return row is null ? null : ToDomain(row);
    }

    public async Task SaveAsync(PassEntitlement entitlement, CancellationToken ct)
    {
        var row = ToRecord(entitlement, entitlement.Version + 1);
        var entry = db.PassEntitlements.Attach(row);
        entry.State = EntityState.Modified;
        // UPDATE … WHERE Version = the version this entitlement was read at: a later save by anyone else wins nothing.
        entry.Property(r => r.Version).OriginalValue = entitlement.Version;
        try
        {
            await db.SaveChangesAsync(ct);
            entitlement.MarkSaved(row.Version);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new EntitlementChangedException(entitlement.Id);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    public async Task<IReadOnlyList<PassEntitlement>> ReadyForTargetAsync(string tenantId, string targetId, CancellationToken ct)
    {
        var rows = await db.PassEntitlements.AsNoTracking()
            .Where(r => r.TenantId == tenantId && r.TargetId == targetId && r.State == Ready)
            .OrderByDescending(r => r.CreatedAtUtcTicks).Take(20).ToListAsync(ct);
        return rows.Select(ToDomain).ToList();
    }

    public async Task<IReadOnlyList<PassEntitlement>> ReadyPastRevealByAsync(DateTimeOffset now, int max, CancellationToken ct)
    {
        var ticks = now.UtcTicks;
        var rows = await db.PassEntitlements.AsNoTracking()
            .Where(r => r.State == Ready && r.RevealByUtcTicks <= ticks)
            .OrderBy(r => r.RevealByUtcTicks).Take(max).ToListAsync(ct);
        return rows.Select(ToDomain).ToList();
    }

    public async Task<IReadOnlyList<PassEntitlement>> ShownPastValidUntilAsync(DateTimeOffset now, int max, CancellationToken ct)
    {
        var ticks = now.UtcTicks;
        var shown = nameof(EntitlementState.Shown);
        var rows = await db.PassEntitlements.AsNoTracking()
            .Where(r => r.State == shown && r.CardConversationId != null && r.ValidUntilUtcTicks <= ticks)
            .OrderBy(r => r.ValidUntilUtcTicks).Take(max).ToListAsync(ct);
        return rows.Select(ToDomain).ToList();
    }

    public async Task<IReadOnlyList<PassEntitlement>> InterruptedRevealsAsync(DateTimeOffset revealingBefore, int max, CancellationToken ct)
    {
        var ticks = revealingBefore.UtcTicks;
        var rows = await db.PassEntitlements.AsNoTracking()
            .Where(r => r.State == Revealing && r.RevealingSinceUtcTicks <= ticks)
            .OrderBy(r => r.RevealingSinceUtcTicks).Take(max).ToListAsync(ct);
        return rows.Select(ToDomain).ToList();
    }

    private static PassEntitlementRecord ToRecord(PassEntitlement e, int version) => new()
    {
        Id = e.Id, TenantId = e.TenantId, TargetId = e.TargetId, TargetUpn = e.TargetUpn, TargetName = e.TargetName, RecipientId = e.RecipientId,
        ApproverId = e.ApproverId, ApproverName = e.ApproverName, RequestId = e.RequestId, LifetimeInMinutes = e.LifetimeInMinutes,
        StartsAtUtcTicks = e.StartsAt?.UtcTicks, IsUsableOnce = e.IsUsableOnce, Reason = e.Reason, CreatedAtUtcTicks = e.CreatedAt.UtcTicks,
        RevealByUtcTicks = e.RevealBy.UtcTicks, State = e.State.ToString(), RevealingSinceUtcTicks = e.RevealingSince?.UtcTicks, PassId = e.PassId,
        ShownAtUtcTicks = e.ShownAt?.UtcTicks, ValidFromUtcTicks = e.ValidFrom?.UtcTicks, ValidUntilUtcTicks = e.ValidUntil?.UtcTicks,
        CardConversationId = e.Card?.ConversationId, CardMessageId = e.Card?.MessageId, EndReason = e.EndReason, Version = version,
    };

    private static PassEntitlement ToDomain(PassEntitlementRecord r) => PassEntitlement.Restore(
        r.Id, r.TenantId, r.TargetId, r.TargetUpn, r.TargetName, r.RecipientId, r.ApproverId, r.ApproverName, r.RequestId, r.LifetimeInMinutes,
        At(r.StartsAtUtcTicks), r.IsUsableOnce, r.Reason, At(r.CreatedAtUtcTicks), At(r.RevealByUtcTicks), Enum.Parse<EntitlementState>(r.State),
        At(r.RevealingSinceUtcTicks), r.PassId, At(r.ShownAtUtcTicks), At(r.ValidFromUtcTicks), At(r.ValidUntilUtcTicks),
        r.CardConversationId is null ? null : new EntitlementCard(r.CardConversationId, r.CardMessageId ?? ""), r.EndReason, r.Version);

    private static DateTimeOffset At(long ticks) => new(ticks, TimeSpan.Zero);

    private static DateTimeOffset? At(long? ticks) => ticks is { } t ? new DateTimeOffset(t, TimeSpan.Zero) : null;
}
