using Microsoft.EntityFrameworkCore;
using TapBot.Conversations;
using TapBot.Domain.Ports;

namespace TapBot.Storage;

/// <summary>Row of <c>approver_channels</c>: one per tenant.</summary>
internal sealed class ApproverChannelRecord
{
    public string TenantId { get; set; } = "";
    public string ChannelId { get; set; } = "";
    public string ServiceUrl { get; set; } = "";
    public string ConversationId { get; set; } = "";
    public string? TeamId { get; set; }
    public string BotId { get; set; } = "";
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

        row.ChannelId = channel.ChannelId;
        row.ServiceUrl = channel.ServiceUrl;
        row.ConversationId = channel.ConversationId;
        row.TeamId = channel.TeamId;
        row.BotId = channel.BotId;
        row.SetBy = channel.SetBy;
        row.SetAtUtcTicks = channel.SetAt.UtcTicks;
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    public async Task<ApproverChannel?> GetAsync(string tenantId, CancellationToken ct)
    {
        var r = await db.ApproverChannels.AsNoTracking().FirstOrDefaultAsync(c => c.TenantId == tenantId, ct);
        return r is null ? null : new ApproverChannel(r.TenantId, r.ChannelId, r.ServiceUrl, r.ConversationId, r.TeamId, r.BotId, r.SetBy,
            new DateTimeOffset(r.SetAtUtcTicks, TimeSpan.Zero));
    }
}
