using TapBot.Domain.Passes;
using TapBot.Domain.People;
using TapBot.Domain.Ports;

namespace TapBot.Domain.Issuance;

/// <summary>
/// Whether a person can hold a pass at all, whoever asks: an enabled member or internal guest, inside the tenant's
/// TAP policy. Entra enforces the same at creation; checking first gives a clear answer before anyone is bothered.
/// </summary>
public sealed class TargetEligibility(IDirectory directory, ITemporaryAccessPasses passes)
{
    /// <summary>The policy, and the reason the person cannot get a pass (null when they can).</summary>
    public async Task<(TapPolicy? Policy, string? Refusal)> CheckAsync(Person target, CancellationToken ct)
    {
        if (!target.AccountEnabled) return (null, $"{target.DisplayName}'s account is disabled, so they cannot get a pass.");
        if (target.IsExternalGuest) return (null, $"{target.DisplayName} is an external guest; Entra gives passes to members and internal guests only.");

        var policy = await passes.GetPolicyAsync(ct);
        if (!policy.IsEnabled) return (policy, "The tenant's Temporary Access Pass policy is off, so no pass can be issued. An administrator can enable it in the Entra admin center.");
        if (!await InScopeAsync(policy, target, ct)) return (policy, $"{target.DisplayName} is outside the tenant's Temporary Access Pass policy (not included, or excluded).");
        return (policy, null);
    }

    private async Task<bool> InScopeAsync(TapPolicy policy, Person target, CancellationToken ct)
    {
        var groups = policy.IncludeTargets.Concat(policy.ExcludeTargets).Select(t => t.Id)
            .Where(id => id != "all_users" && !string.Equals(id, target.Id, StringComparison.OrdinalIgnoreCase)).Distinct().ToList();
        var memberOf = groups.Count == 0 ? new HashSet<string>() : await directory.GetMembershipsAsync(target.Id, groups, ct);
        bool Matches(PolicyTarget t) => t.Id == "all_users" || string.Equals(t.Id, target.Id, StringComparison.OrdinalIgnoreCase) || memberOf.Contains(t.Id);
        return policy.IncludeTargets.Any(Matches) && !policy.ExcludeTargets.Any(Matches);
    }

    /// <summary>Lifetime and one-time use for a request, where nobody picks them: the policy's default within TapBot's ceiling.</summary>
    public static (int Lifetime, bool OneTime) Defaults(TapPolicy policy, IssuanceOptions options)
    {
        var ceiling = Math.Min(policy.MaximumLifetimeInMinutes, options.MaxLifetimeInMinutes);
        return (Math.Clamp(policy.DefaultLifetimeInMinutes, policy.MinimumLifetimeInMinutes, Math.Max(ceiling, policy.MinimumLifetimeInMinutes)), true);
    }
}
