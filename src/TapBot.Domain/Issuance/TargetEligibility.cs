using TapBot.Domain.Passes;
using TapBot.Domain.People;
using TapBot.Domain.Ports;

namespace TapBot.Domain.Issuance;

/// <summary>
/// Whether a person can hold a pass at all, whoever asks: an enabled member or internal guest, inside the tenant's
/// TAP policy. Entra enforces the same at creation; checking first gives a clear answer before anyone is bothered.
/// </summary>
public sealed class TargetEligibility(IIssuancePreflight preflight)
{
    /// <summary>Everything the rules read about the person (and their privilege, pass), in one round trip.</summary>
    public Task<Preflight> ReadAsync(Person target, CancellationToken ct) => preflight.GetAsync(target.Id, [], target.Id, ct);

    /// <summary>The rules about the person alone, in the order a person would ask them; the first that fails is the answer.</summary>
    public static (TapPolicy? Policy, string? Refusal) Check(Person target, Preflight found)
    {
        if (!target.AccountEnabled) return (null, $"{target.DisplayName}'s account is disabled, so they cannot get a pass.");
        if (target.IsExternalGuest) return (null, $"{target.DisplayName} is an external guest; Entra gives passes to members and internal guests only.");

        var policy = found.Policy.Value;
        if (!policy.IsEnabled) return (policy, "The tenant's Temporary Access Pass policy is off, so no pass can be issued. An administrator can enable it in the Entra admin center.");
        if (!InScope(policy, target, found.PolicyGroupMemberships.Value)) return (policy, $"{target.DisplayName} is outside the tenant's Temporary Access Pass policy (not included, or excluded).");
        return (policy, null);
    }

    /// <param name="memberOf">Which of the policy's target ids the person is a member of, transitively.</param>
    private static bool InScope(TapPolicy policy, Person target, IReadOnlySet<string> memberOf)
    {
        bool Matches(PolicyTarget t) => t.Id == "all_users" || string.Equals(t.Id, target.Id, StringComparison.OrdinalIgnoreCase) || memberOf.Contains(t.Id);
        return policy.IncludeTargets.Any(Matches) && !policy.ExcludeTargets.Any(Matches);
    }
}
