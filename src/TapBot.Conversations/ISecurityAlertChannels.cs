namespace TapBot.Conversations;

/// <summary>The Teams channel where TAP security alerts go (one per tenant), set by an approver from that channel.</summary>
public interface ISecurityAlertChannels
{
    Task SetAsync(SecurityAlertChannel channel, CancellationToken ct);

    Task<SecurityAlertChannel?> GetAsync(string tenantId, CancellationToken ct);
}

/// <summary>Where to post security alerts, and who chose it when.</summary>
public sealed record SecurityAlertChannel(string TenantId, ConversationAddress Address, string SetBy, DateTimeOffset SetAt);
