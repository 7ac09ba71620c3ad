namespace TapBot.Domain.Ports;

/// <summary>Whether approvers have chosen a channel for approval requests (where it is, is the host's business).</summary>
public interface IApproversChannelStatus
{
    Task<bool> IsSetAsync(string tenantId, CancellationToken ct);
}
