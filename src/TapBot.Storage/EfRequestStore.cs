using Microsoft.EntityFrameworkCore;
using TapBot.Domain.Ports;
using TapBot.Domain.Requests;

namespace TapBot.Storage;

/// <summary>Row of <c>access_requests</c>; instants are UTC ticks so SQLite can order and compare them.</summary>
internal sealed class AccessRequestRecord
{
    public Guid Id { get; set; }
    public string Kind { get; set; } = "";
    public string TenantId { get; set; } = "";
    public string RequesterId { get; set; } = "";
    public string TargetId { get; set; } = "";
    public string RecipientId { get; set; } = "";
    public int LifetimeInMinutes { get; set; }
    public long? StartsAtUtcTicks { get; set; }
    public bool IsUsableOnce { get; set; }
    public string Reason { get; set; } = "";
    public long CreatedAtUtcTicks { get; set; }
    public long DecideByUtcTicks { get; set; }
    public string Status { get; set; } = "";
    public string? DeciderId { get; set; }
    public bool? Approved { get; set; }
    public long? DecidedAtUtcTicks { get; set; }
    public string? DecisionNote { get; set; }
    public string? PassId { get; set; }
    public long? PassExpiresAtUtcTicks { get; set; }
    public string? DeliveryConversationId { get; set; }
    public string? DeliveryMessageId { get; set; }
    public long? DeliveredAtUtcTicks { get; set; }
    public long? RedactedAtUtcTicks { get; set; }
    public string? FailureReason { get; set; }
    public int Version { get; set; }
    public string? SourceKey { get; set; }
    public long? RemindedAtUtcTicks { get; set; }
    public long? IssuingSinceUtcTicks { get; set; }
}

/// <summary><see cref="IRequestStore"/> on EF Core with <see cref="AccessRequest.Version"/> as the concurrency token.</summary>
internal sealed class EfRequestStore(TapDbContext db) : IRequestStore
{
    public async Task AddAsync(AccessRequest request, CancellationToken ct)
    {
        db.AccessRequests.Add(ToRecord(request, request.Version));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (request.SourceKey is not null)
        {
            db.ChangeTracker.Clear();
            // The unique source key is the likely cause: another click on the same card got there first.
            if (await db.AccessRequests.AsNoTracking().AnyAsync(r => r.SourceKey == request.SourceKey, ct))
            {
                throw new DuplicateRequestException(request.SourceKey);
            }

            throw;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    public async Task<AccessRequest?> FindBySourceKeyAsync(string sourceKey, CancellationToken ct)
    {
        var row = await db.AccessRequests.AsNoTracking().FirstOrDefaultAsync(r => r.SourceKey == sourceKey, ct);
        return row is null ? null : ToDomain(row);
    }

    public async Task<AccessRequest?> GetAsync(Guid id, CancellationToken ct)
    {
        var row = await db.AccessRequests.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        return row is null ? null : ToDomain(row);
    }

    public async Task SaveAsync(AccessRequest request, CancellationToken ct)
    {
        var row = ToRecord(request, request.Version + 1);
        var entry = db.AccessRequests.Attach(row);
        entry.State = EntityState.Modified;
        // UPDATE … WHERE Version = the version this request was read at: a later save by anyone else wins nothing.
        entry.Property(r => r.Version).OriginalValue = request.Version;
        try
        {
            await db.SaveChangesAsync(ct);
            request.MarkSaved(row.Version);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new RequestChangedException(request.Id);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    public async Task<AccessRequest?> FindByPassIdAsync(string passId, CancellationToken ct)
    {
        var row = await db.AccessRequests.AsNoTracking().Where(r => r.PassId == passId).OrderByDescending(r => r.CreatedAtUtcTicks).FirstOrDefaultAsync(ct);
        return row is null ? null : ToDomain(row);
    }

    public async Task<IReadOnlyList<AccessRequest>> UnredactedDeliveriesAsync(int max, CancellationToken ct)
    {
        var rows = await db.AccessRequests.AsNoTracking()
            .Where(r => r.DeliveryMessageId != null && r.RedactedAtUtcTicks == null)
            .OrderBy(r => r.PassExpiresAtUtcTicks).Take(max).ToListAsync(ct);
        return rows.Select(ToDomain).ToList();
    }

    public async Task<IReadOnlyList<AccessRequest>> InterruptedAsync(DateTimeOffset issuingBefore, int max, CancellationToken ct)
    {
        var ticks = issuingBefore.UtcTicks;
        string approved = nameof(RequestStatus.Approved), issued = nameof(RequestStatus.Issued);
        // An approved request whose issuing never began (a crash right after the decision) counts from its decision.
        var rows = await db.AccessRequests.AsNoTracking()
            .Where(r => (r.Status == approved || r.Status == issued) && (r.IssuingSinceUtcTicks ?? r.DecidedAtUtcTicks) <= ticks)
            .OrderBy(r => r.IssuingSinceUtcTicks ?? r.DecidedAtUtcTicks).Take(max).ToListAsync(ct);
        return rows.Select(ToDomain).ToList();
    }

    public async Task<IReadOnlyList<AccessRequest>> PendingPastDeadlineAsync(DateTimeOffset now, int max, CancellationToken ct)
    {
        var ticks = now.UtcTicks;
        var pending = nameof(RequestStatus.Pending);
        var rows = await db.AccessRequests.AsNoTracking()
            .Where(r => r.Status == pending && r.DecideByUtcTicks <= ticks)
            .OrderBy(r => r.DecideByUtcTicks).Take(max).ToListAsync(ct);
        return rows.Select(ToDomain).ToList();
    }

    public async Task<AccessRequest?> PendingForTargetAsync(string tenantId, string targetId, CancellationToken ct)
    {
        var pending = nameof(RequestStatus.Pending);
        var row = await db.AccessRequests.AsNoTracking()
            .Where(r => r.TenantId == tenantId && r.TargetId == targetId && r.Status == pending)
            .OrderByDescending(r => r.CreatedAtUtcTicks).FirstOrDefaultAsync(ct);
        return row is null ? null : ToDomain(row);
    }

    public async Task<IReadOnlyList<Guid>> PendingFiledByAsync(string tenantId, string requesterId, CancellationToken ct)
    {
        var pending = nameof(RequestStatus.Pending);
        return await db.AccessRequests.AsNoTracking()
            .Where(r => r.TenantId == tenantId && r.RequesterId == requesterId && r.TargetId != requesterId && r.Status == pending)
            .Select(r => r.Id).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<AccessRequest>> DueForReminderAsync(DateTimeOffset createdBefore, int max, CancellationToken ct)
    {
        var ticks = createdBefore.UtcTicks;
        var pending = nameof(RequestStatus.Pending);
        var rows = await db.AccessRequests.AsNoTracking()
            .Where(r => r.Status == pending && r.RemindedAtUtcTicks == null && r.CreatedAtUtcTicks <= ticks)
            .OrderBy(r => r.CreatedAtUtcTicks).Take(max).ToListAsync(ct);
        return rows.Select(ToDomain).ToList();
    }

    private static AccessRequestRecord ToRecord(AccessRequest r, int version) => new()
    {
        Id = r.Id, Kind = r.Kind.ToString(), TenantId = r.TenantId, RequesterId = r.RequesterId, TargetId = r.TargetId,
        RecipientId = r.RecipientId, LifetimeInMinutes = r.LifetimeInMinutes, StartsAtUtcTicks = r.StartsAt?.UtcTicks,
        IsUsableOnce = r.IsUsableOnce, Reason = r.Reason, CreatedAtUtcTicks = r.CreatedAt.UtcTicks, DecideByUtcTicks = r.DecideBy.UtcTicks,
        Status = r.Status.ToString(), DeciderId = r.Decision?.DeciderId, Approved = r.Decision?.Approved,
        DecidedAtUtcTicks = r.Decision?.At.UtcTicks, DecisionNote = r.Decision?.Note, PassId = r.PassId,
        PassExpiresAtUtcTicks = r.PassExpiresAt?.UtcTicks, DeliveryConversationId = r.Delivery?.ConversationId,
        DeliveryMessageId = r.Delivery?.MessageId, DeliveredAtUtcTicks = r.Delivery?.At.UtcTicks,
        RedactedAtUtcTicks = r.Delivery?.RedactedAt?.UtcTicks, FailureReason = r.FailureReason, Version = version, SourceKey = r.SourceKey,
        RemindedAtUtcTicks = r.RemindedAt?.UtcTicks, IssuingSinceUtcTicks = r.IssuingSince?.UtcTicks,
    };

    private static AccessRequest ToDomain(AccessRequestRecord r) => AccessRequest.Restore(
        r.Id, Enum.Parse<RequestKind>(r.Kind), r.TenantId, r.RequesterId, r.TargetId, r.RecipientId, r.LifetimeInMinutes,
        At(r.StartsAtUtcTicks), r.IsUsableOnce, r.Reason, At(r.CreatedAtUtcTicks), At(r.DecideByUtcTicks), Enum.Parse<RequestStatus>(r.Status),
        r.DeciderId is null ? null : new Decision(r.DeciderId, r.Approved ?? false, At(r.DecidedAtUtcTicks ?? 0), r.DecisionNote),
        r.PassId, At(r.PassExpiresAtUtcTicks),
        r.DeliveryConversationId is null ? null : new Delivery(r.DeliveryConversationId, r.DeliveryMessageId ?? "", At(r.DeliveredAtUtcTicks ?? 0), At(r.RedactedAtUtcTicks)),
        r.FailureReason, r.Version, r.SourceKey, At(r.RemindedAtUtcTicks), At(r.IssuingSinceUtcTicks));

    private static DateTimeOffset At(long ticks) => new(ticks, TimeSpan.Zero);

    private static DateTimeOffset? At(long? ticks) => ticks is { } t ? new DateTimeOffset(t, TimeSpan.Zero) : null;
}
