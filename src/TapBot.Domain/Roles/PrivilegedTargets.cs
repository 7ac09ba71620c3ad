using Microsoft.Extensions.Options;
using TapBot.Domain.People;
using TapBot.Domain.Ports;
using TapBot.Domain.Refusals;

namespace TapBot.Domain.Roles;

/// <summary>What a requester is about to do for a privileged target, for the refusal's wording.</summary>
public enum PrivilegedAction
{
    Issue,
    Revoke,
    Decide,
}

/// <summary>
/// The privileged-target rule, in one place for the issue form, the click, approvals and revocation. A person is
/// privileged when they hold a directory role, active or PIM-eligible, at any scope, built-in or custom; belong to a
/// role-assignable group or to TapBot's approver groups; or when any of that cannot be read. Unknown counts as
/// privileged: Graph answers a type the app may not read with limited information, not an error, so a rule that
/// trusted only what it saw would let an ordinary approver take over an administrator's account.
/// </summary>
public sealed class PrivilegedTargets(IOptions<RoleOptions> options)
{
    /// <summary>Lets the app read whether a group is role-assignable (graph-contract.md §3.8).</summary>
    public const string GroupPermission = "GroupMember.Read.All";

    /// <summary>Lets the app read directory roles, role assignments and PIM eligibility (graph-contract.md §3.8–3.9).</summary>
    public const string RolePermission = "RoleManagement.Read.Directory";

    /// <summary>
    /// Why the requester may not act for the target, or null when they may: privileged approvers may act for anyone;
    /// others only for people the facts show to be ordinary users. The facts are read only when that matters, and a
    /// directory that could not be reached (throttled, down) raises its <see cref="EntraException"/>.
    /// </summary>
    public Refusal? Refusal(TapRoles requesterRoles, Func<PrivilegeFacts> facts, Person target, PrivilegedAction action)
    {
        if (requesterRoles.CanActForPrivileged()) return null;
        var privilege = Assess(facts());
        return privilege.IsPrivileged ? Explain(privilege, target, action) : null;
    }

    /// <inheritdoc cref="Refusal(TapRoles, Func{PrivilegeFacts}, Person, PrivilegedAction)"/>
    public async Task<Refusal?> RefusalAsync(TapRoles requesterRoles, Func<Task<PrivilegeFacts>> facts, Person target, PrivilegedAction action)
    {
        if (requesterRoles.CanActForPrivileged()) return null;
        var known = await facts();
        return Refusal(requesterRoles, () => known, target, action);
    }

    /// <summary>Everything that makes the person privileged, from what the directory showed.</summary>
    public Privilege Assess(PrivilegeFacts facts)
    {
        var findings = new List<PrivilegeFinding>();
        void Add(PrivilegeReason reason, string? permission = null)
        {
            if (!findings.Exists(f => f.Reason == reason && f.Permission == permission)) findings.Add(new PrivilegeFinding(reason, permission));
        }

        if (Read(facts.MemberOf, GroupPermission, Add) is { } memberOf)
        {
            var approverGroups = options.Value.ApproverGroupIds.Concat(options.Value.PrivilegedApproverGroupIds).ToHashSet(StringComparer.OrdinalIgnoreCase);
            foreach (var m in memberOf)
            {
                // The id is there even with limited information, so TapBot's own groups are always recognised.
                if (approverGroups.Contains(m.Id)) Add(PrivilegeReason.TapBotApprover);
                switch (m.Kind)
                {
                    case MembershipKind.Group when !m.Readable:
                        Add(PrivilegeReason.Unreadable, GroupPermission);
                        break;
                    case MembershipKind.Group when m.IsAssignableToRole == true:
                        Add(PrivilegeReason.RoleAssignableGroup);
                        break;
                    case MembershipKind.Group when m.IsAssignableToRole is null:
                        Add(PrivilegeReason.Unreadable); // a readable group that does not say: assumed role-assignable
                        break;
                    case MembershipKind.DirectoryRole when !m.Readable || m.RoleTemplateId is null:
                        Add(PrivilegeReason.Unreadable, RolePermission);
                        break;
                    case MembershipKind.DirectoryRole when !IsExempt(m.RoleTemplateId):
                        Add(PrivilegeReason.ActiveRole);
                        break;
                }
            }
        }

        AddRoles(facts.ActiveRoles, PrivilegeReason.ActiveRole, Add);
        AddRoles(facts.EligibleRoles, PrivilegeReason.EligibleRole, Add);
        return findings.Count == 0 ? Privilege.None : new Privilege(findings);
    }

    private void AddRoles(Fetched<HeldRoles> part, PrivilegeReason reason, Action<PrivilegeReason, string?> add)
    {
        if (Read(part, RolePermission, add) is not { } held) return;
        if (held.Roles.Any(r => !IsExempt(r.RoleDefinitionId))) add(reason, null);
        else if (!held.Complete) add(PrivilegeReason.Unreadable, null); // pages not read might hold a role
    }

    /// <summary>
    /// A part's value; a part Graph refused to show (403, or another refusal) adds an unreadable finding instead. A
    /// directory that could not be reached raises: nothing is decided on a guess, and the person is told to try again.
    /// </summary>
    private static T? Read<T>(Fetched<T> part, string permission, Action<PrivilegeReason, string?> add) where T : class
    {
        switch (part.Failure?.Failure)
        {
            case EntraFailure.AccessDenied:
                add(PrivilegeReason.Unreadable, permission);
                return null;
            case EntraFailure.Rejected:
                add(PrivilegeReason.Unreadable, null);
                return null;
            default:
                return part.Value;
        }
    }

    /// <summary>Only the configured reader roles are exempt, and never a role that makes someone a TapBot approver.</summary>
    private bool IsExempt(string roleDefinitionId)
    {
        var o = options.Value;
        return o.NotPrivilegedRoleTemplateIds.Contains(roleDefinitionId, StringComparer.OrdinalIgnoreCase)
               && DirectoryRoleTemplates.ManageableByAuthenticationAdministrator.Contains(roleDefinitionId)
               && !o.ApproverRoleTemplateIds.Concat(o.PrivilegedApproverRoleTemplateIds).Contains(roleDefinitionId, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>One plain sentence: what makes the person privileged, or which permission would have shown it.</summary>
    public static Refusal Explain(Privilege privilege, Person target, PrivilegedAction action)
    {
        var what = Refuse.PrivilegedAct(action);
        var known = privilege.Findings.FirstOrDefault(f => f.Reason != PrivilegeReason.Unreadable);
        return known?.Reason switch
        {
            PrivilegeReason.ActiveRole => Refuse.AdminRole(target, what),
            PrivilegeReason.EligibleRole => Refuse.EligibleRole(target, what),
            PrivilegeReason.RoleAssignableGroup => Refuse.RoleAssignableGroup(target, what),
            PrivilegeReason.TapBotApprover => Refuse.TapBotApprover(target, what),
            _ when privilege.MissingPermission is { } permission => Refuse.PrivilegeUnreadable(target, permission, what),
            _ => Refuse.PrivilegeUnknown(target, what),
        };
    }
}
