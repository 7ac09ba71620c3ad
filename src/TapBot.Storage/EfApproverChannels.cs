using Microsoft.EntityFrameworkCore;
using TapBot.Conversations;
using TapBot.Domain.Ports;

namespace TapBot.Storage;

/// <summary>Row of <c>approver_channels</c>: one per tenant.</summary>
internal sealed class ApproverChannelRecord
{
    public string TenantId { get; set; } = "";
    public ConversationAddressRecord Address { get; set; } = new();
    public string? TeamId { get; set; }
    public string SetBy { get; set; } = "";
    public long SetAtUtcTicks { get; set; }
}

/// <summary><see cref="IApproverChannels"/> on EF Core; setting it again replaces the previous channel.</summary>
internal sealed class EfApproverChannels(TapDbContext db) : IApproverChannels, IApproversChannelStatus
{
    public Task<bool> IsSetAsync(string tenantId, CancellationToken ct) => db.ApproverChannels.AnyAsync(c => c.TenantId == tenantId, ct);

    public async Task SetAsync(ApproverChannel channel, CancellationToken ct)
    {
        var row = await db.ApproverChannels.FindAsync([channel.TenantId], ct);
        if (row is null)
        {
            row = new ApproverChannelRecord { TenantId = channel.TenantId };
            db.ApproverChannels.Add(row);
        }

        row.Address.Set(channel.Address);
        row.TeamId = channel.TeamId;
        row.SetBy = channel.SetBy;
        row.SetAtUtcTicks = channel.SetAt.UtcTicks;
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    public async Task<ApproverChannel?> GetAsync(string tenantId, CancellationToken ct)
    {
        var r = await db.ApproverChannels.AsNoTracking().FirstOrDefaultAsync(c => c.TenantId == tenantId, ct);
        return r is null ? null : new ApproverChannel(r.TenantId, r.Address.ToAddress(), r.TeamId, r.SetBy,
            new DateTimeOffset(r.SetAtUtcTicks, TimeSpan.Zero));
    }
}
