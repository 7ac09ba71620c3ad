using TapBot.Domain.Passes;

namespace TapBot.Domain.Issuance;

/// <summary>
/// The lifetimes TapBot may issue: the tenant policy's minimum up to the lower of the policy's maximum and TapBot's
/// own ceiling (<see cref="IssuanceOptions.MaxLifetimeInMinutes"/>), and the policy's default inside that range.
/// </summary>
public sealed record LifetimeRange(int Minimum, int Ceiling, int Default)
{
    public static LifetimeRange For(TapPolicy policy, IssuanceOptions options)
    {
        var ceiling = Math.Min(policy.MaximumLifetimeInMinutes, options.MaxLifetimeInMinutes);
        var minimum = policy.MinimumLifetimeInMinutes;
        return new LifetimeRange(minimum, ceiling, Math.Clamp(policy.DefaultLifetimeInMinutes, minimum, Math.Max(ceiling, minimum)));
    }

    /// <summary>Why nothing can be issued (TapBot's ceiling is below the policy's minimum), or null.</summary>
    public Refusals.Refusal? Problem(IssuanceOptions options) => Ceiling >= Minimum ? null : Refusals.Refuse.CeilingBelowPolicy(options.MaxLifetimeInMinutes, Minimum);

    public bool Contains(int minutes) => minutes >= Minimum && minutes <= Ceiling;
}
