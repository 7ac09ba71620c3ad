namespace TapBot.Domain.Roles;

/// <summary>What a person may do with TapBot, as decided from live directory membership.</summary>
[Flags]
public enum TapRoles
{
    None = 0,
    HelpdeskOperator = 1,
    Approver = 2,
    PrivilegedApprover = 4,
    Auditor = 8,
}

public static class TapRolesExtensions
{
    /// <summary>Approvers and privileged approvers may issue, approve and revoke.</summary>
    public static bool CanApprove(this TapRoles roles) =>
        (roles & (TapRoles.Approver | TapRoles.PrivilegedApprover)) != 0;

    /// <summary>Privileged approvers may also act for privileged people (admins, role-assignable groups).</summary>
    public static bool CanActForPrivileged(this TapRoles roles) => (roles & TapRoles.PrivilegedApprover) != 0;

    /// <summary>Anyone who works with other people's passes may see their status (never a code).</summary>
    public static bool CanViewOthers(this TapRoles roles) => roles != TapRoles.None;
}
