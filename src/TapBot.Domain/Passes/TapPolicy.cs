namespace TapBot.Domain.Passes;

/// <summary>The tenant's Temporary Access Pass policy (Graph temporaryAccessPassAuthenticationMethodConfiguration).</summary>
public sealed record TapPolicy(
    bool IsEnabled,
    int DefaultLifetimeInMinutes,
    int MinimumLifetimeInMinutes,
    int MaximumLifetimeInMinutes,
    int DefaultLength,
    bool IsUsableOnce,
    IReadOnlyList<PolicyTarget> IncludeTargets,
    IReadOnlyList<PolicyTarget> ExcludeTargets);

/// <summary>An include or exclude target; <c>Id</c> is a group id, a user id or <c>all_users</c>.</summary>
public sealed record PolicyTarget(string TargetType, string Id);
