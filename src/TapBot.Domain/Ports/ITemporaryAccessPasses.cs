using TapBot.Domain.Passes;

namespace TapBot.Domain.Ports;

/// <summary>Temporary Access Passes and the tenant policy that bounds them. Implemented over Microsoft Graph.</summary>
public interface ITemporaryAccessPasses
{
    /// <summary>The person's current pass (a person holds at most one), or null.</summary>
    Task<TemporaryAccessPass?> GetCurrentAsync(string personId, CancellationToken ct);

    /// <summary>The tenant's TAP policy.</summary>
    Task<TapPolicy> GetPolicyAsync(CancellationToken ct);
}
