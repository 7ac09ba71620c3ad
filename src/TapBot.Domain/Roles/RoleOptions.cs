using TapBot.Domain.Configuration;

namespace TapBot.Domain.Roles;

/// <summary>
/// Which groups and directory roles make someone a helpdesk operator, approver, privileged approver or
/// auditor. Bound from the <c>Roles</c> configuration section; checked live against the directory on every
/// command and click.
/// </summary>
public sealed class RoleOptions : ICheckedOptions
{
    public const string Section = "Roles";

    /// <value>Group object ids of helpdesk operators. Default: none.</value>
    public string[] HelpdeskGroupIds { get; set; } = [];

    /// <value>Group object ids of approvers. Default: none.</value>
    public string[] ApproverGroupIds { get; set; } = [];

    /// <value>Directory role template ids that make someone an approver. Default: Authentication Administrator.</value>
    public string[] ApproverRoleTemplateIds { get; set; } = [DirectoryRoleTemplates.AuthenticationAdministrator];

    /// <value>Group object ids of privileged approvers. Default: none.</value>
    public string[] PrivilegedApproverGroupIds { get; set; } = [];

    /// <value>
    /// Directory role template ids that make someone a privileged approver. Default: Privileged Authentication
    /// Administrator (Global Administrators are not approvers unless configured: daily work should not need GA).
    /// </value>
    public string[] PrivilegedApproverRoleTemplateIds { get; set; } = [DirectoryRoleTemplates.PrivilegedAuthenticationAdministrator];

    /// <value>Group object ids of auditors. Default: none.</value>
    public string[] AuditorGroupIds { get; set; } = [];

    /// <value>
    /// Directory role template ids that do not make their holders privileged targets. Default: none, so every role
    /// counts. Only Entra's short list of roles an Authentication Administrator may manage (Directory Readers, Guest
    /// Inviter, Message Center Reader, Password Administrator, Reports Reader, Usage Summary Reports Reader, User
    /// Experience Success Manager, Authentication Administrator) is accepted, and a role that makes someone a TapBot
    /// approver always counts.
    /// </value>
    public string[] NotPrivilegedRoleTemplateIds { get; set; } = [];

    /// <summary>Every configured group and role, with the setting it came from.</summary>
    public IEnumerable<(string Setting, string Id)> All() =>
        new (string Setting, string[] Ids)[]
        {
            ($"{Section}:{nameof(HelpdeskGroupIds)}", HelpdeskGroupIds),
            ($"{Section}:{nameof(ApproverGroupIds)}", ApproverGroupIds),
            ($"{Section}:{nameof(ApproverRoleTemplateIds)}", ApproverRoleTemplateIds),
            ($"{Section}:{nameof(PrivilegedApproverGroupIds)}", PrivilegedApproverGroupIds),
            ($"{Section}:{nameof(PrivilegedApproverRoleTemplateIds)}", PrivilegedApproverRoleTemplateIds),
            ($"{Section}:{nameof(AuditorGroupIds)}", AuditorGroupIds),
        }.SelectMany(s => s.Ids.Select(id => (s.Setting, id)));

    /// <summary>Groups only (role template ids are the same in every tenant and need no lookup).</summary>
    public IEnumerable<(string Setting, string Id)> Groups() => All().Where(g => g.Setting.EndsWith("GroupIds", StringComparison.Ordinal));

    /// <summary>Settings that stop TapBot from starting, each naming the key.</summary>
    public IEnumerable<string> Problems()
    {
        foreach (var (setting, id) in All().Where(e => !Guid.TryParse(e.Id, out _)))
        {
            yield return $"{setting} contains '{id}', which is not an object id (GUID).";
        }

        foreach (var id in NotPrivilegedRoleTemplateIds.Where(id => !DirectoryRoleTemplates.ManageableByAuthenticationAdministrator.Contains(id)))
        {
            yield return $"{Section}:{nameof(NotPrivilegedRoleTemplateIds)} contains '{id}', which is not one of the roles an Authentication Administrator may manage; only those can be exempted.";
        }
    }
}
