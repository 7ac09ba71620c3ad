namespace TapBot.Conversations;

/// <summary>The Teams channel where approval cards go (one per tenant), set by an approver from that channel.</summary>
public interface IApproverChannels
{
    Task SetAsync(ApproverChannel channel, CancellationToken ct);

    Task<ApproverChannel?> GetAsync(string tenantId, CancellationToken ct);
}

/// <summary>Where to post in the approvers' channel, and who chose it when.</summary>
public sealed record ApproverChannel(
    string TenantId,
    ConversationAddress Address,
    string? TeamId,
    string SetBy,
    DateTimeOffset SetAt);
