using Microsoft.EntityFrameworkCore;
using TapBot.Conversations;

namespace TapBot.Storage;

/// <summary>Row of <c>security_alert_channels</c>: one per tenant.</summary>
internal sealed class SecurityAlertChannelRecord
{
    public string TenantId { get; set; } = "";
    public ConversationAddressRecord Address { get; set; } = new();
    public string SetBy { get; set; } = "";
    public long SetAtUtcTicks { get; set; }
}

/// <summary><see cref="ISecurityAlertChannels"/> on EF Core; setting it again replaces the previous channel.</summary>
internal sealed class EfSecurityAlertChannels(TapDbContext db) : ISecurityAlertChannels
{
    public async Task SetAsync(SecurityAlertChannel channel, CancellationToken ct)
    {
        var row = await db.SecurityAlertChannels.FindAsync([channel.TenantId], ct);
        if (row is null)
        {
            row = new SecurityAlertChannelRecord { TenantId = channel.TenantId };
            db.SecurityAlertChannels.Add(row);
        }

        row.Address.Set(channel.Address);
        row.SetBy = channel.SetBy;
        row.SetAtUtcTicks = channel.SetAt.UtcTicks;
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    public async Task<SecurityAlertChannel?> GetAsync(string tenantId, CancellationToken ct)
    {
        var r = await db.SecurityAlertChannels.AsNoTracking().FirstOrDefaultAsync(c => c.TenantId == tenantId, ct);
        return r is null ? null : new SecurityAlertChannel(r.TenantId, r.Address.ToAddress(), r.SetBy, new DateTimeOffset(r.SetAtUtcTicks, TimeSpan.Zero));
    }
}
