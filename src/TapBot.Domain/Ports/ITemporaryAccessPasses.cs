using TapBot.Domain.Passes;

namespace TapBot.Domain.Ports;

/// <summary>Temporary Access Passes and the tenant policy that bounds them. Implemented over Microsoft Graph.</summary>
public interface ITemporaryAccessPasses
{
    /// <summary>The person's current pass (a person holds at most one), or null.</summary>
    Task<TemporaryAccessPass?> GetCurrentAsync(string personId, CancellationToken ct);

    /// <summary>The tenant's TAP policy.</summary>
    Task<TapPolicy> GetPolicyAsync(CancellationToken ct);

    /// <summary>
    /// Creates a pass (replacing any current one, as Entra does). Graph's refusals arrive as
    /// <see cref="EntraException"/> with <see cref="EntraException.GraphMessage"/> set.
    /// </summary>
    Task<IssuedPass> CreateAsync(string personId, int lifetimeInMinutes, DateTimeOffset? startsAt, bool isUsableOnce, CancellationToken ct);

    /// <summary>Deletes a pass; a pass that is already gone is not an error.</summary>
    Task DeleteAsync(string personId, string passId, CancellationToken ct);
}
