using TapBot.Cards;
using TapBot.Conversations;
using TapBot.Domain;
using TapBot.Domain.Limits;
using TapBot.Domain.Ports;

namespace TapBot.Teams;

/// <summary>Security alerts as cards in the security-alerts channel, when an approver has set one.</summary>
public sealed class TeamsSecurityAlerts(ProactiveMessenger messenger, ISecurityAlertChannels channels, TapTenant tenant) : ISecurityAlerts
{
    public async Task<bool> PostAsync(LimitAlert alert, CancellationToken ct)
    {
        if (await channels.GetAsync(tenant.Id, ct) is not { } channel) return false;
        return await messenger.SendAsync(ProactiveMessenger.Channel(channel.Address), LimitCards.Alert(alert), LimitCards.Summary(alert), ct) is not null;
    }
}
