using TapBot.Domain.Passes;
using TapBot.Domain.People;
using TapBot.Domain.Ports;
using TapBot.Domain.Refusals;

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
    public static (TapPolicy? Policy, Refusal? Refusal) Check(Person target, Preflight found)
    {
        if (!target.AccountEnabled) return (null, Refuse.AccountDisabled(target));
        if (target.IsExternalGuest) return (null, Refuse.ExternalGuest(target));

        var policy = found.Policy.Value;
        if (!policy.IsEnabled) return (policy, Refuse.PolicyOff());
        if (!InScope(policy, target, found.PolicyGroupMemberships.Value)) return (policy, Refuse.OutsidePolicy(target));
        return (policy, null);
    }

    /// <param name="memberOf">Which of the policy's target ids the person is a member of, transitively.</param>
    private static bool InScope(TapPolicy policy, Person target, IReadOnlySet<string> memberOf)
    {
        bool Matches(PolicyTarget t) => t.Id == "all_users" || string.Equals(t.Id, target.Id, StringComparison.OrdinalIgnoreCase) || memberOf.Contains(t.Id);
        return policy.IncludeTargets.Any(Matches) && !policy.ExcludeTargets.Any(Matches);
    }
}
