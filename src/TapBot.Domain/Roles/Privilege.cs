namespace TapBot.Domain.Roles;

/// <summary>Why a person is a privileged target.</summary>
public enum PrivilegeReason
{
    /// <summary>An active directory role, at any scope, built-in or custom.</summary>
    ActiveRole,

    /// <summary>A role they are eligible for in PIM: a pass satisfies MFA, so it can activate the role.</summary>
    EligibleRole,

    /// <summary>A member of a role-assignable group.</summary>
    RoleAssignableGroup,

    /// <summary>A member of TapBot's approver or privileged-approver groups.</summary>
    TapBotApprover,

    /// <summary>A fact above could not be read (limited information, 403): unknown counts as privileged.</summary>
    Unreadable,
}

/// <summary>One reason; <see cref="Permission"/> names what the app lacks for an <see cref="PrivilegeReason.Unreadable"/> fact.</summary>
public sealed record PrivilegeFinding(PrivilegeReason Reason, string? Permission = null);

/// <summary>What makes a person a privileged target; nothing when they are an ordinary user.</summary>
public sealed record Privilege(IReadOnlyList<PrivilegeFinding> Findings)
{
    public static readonly Privilege None = new([]);

    public bool IsPrivileged => Findings.Count > 0;

    /// <summary>The first permission the app lacks to read a fact, when that is what made the person privileged.</summary>
    public string? MissingPermission => Findings.FirstOrDefault(f => f.Reason == PrivilegeReason.Unreadable)?.Permission;

    public bool Has(PrivilegeReason reason) => Findings.Any(f => f.Reason == reason);
}
