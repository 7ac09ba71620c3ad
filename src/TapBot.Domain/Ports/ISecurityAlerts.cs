using TapBot.Domain.Limits;

namespace TapBot.Domain.Ports;

/// <summary>Posts security alerts where approvers watch for them (the security-alerts channel), when one is set.</summary>
public interface ISecurityAlerts
{
    /// <summary>True when the alert was posted; false when no channel is set or Teams did not take it.</summary>
    Task<bool> PostAsync(LimitAlert alert, CancellationToken ct);
}
