using Microsoft.Extensions.Options;
using TapBot.Domain.Ports;

namespace TapBot.Domain.Roles;

/// <summary>Works out a person's <see cref="TapRoles"/> from live, transitive directory membership.</summary>
public sealed class RoleResolver(IDirectory directory, IOptions<RoleOptions> options)
{
    // Scoped to one turn: a turn that asks twice (say, "may they approve?" then "may they issue?") pays once, and
    // the next click reads the directory again.
    private readonly Dictionary<string, TapRoles> _resolved = new(StringComparer.OrdinalIgnoreCase);

    public async Task<TapRoles> GetRolesAsync(string personId, CancellationToken ct)
    {
        if (_resolved.TryGetValue(personId, out var known)) return known;
        var roles = await ResolveAsync(personId, ct);
        _resolved[personId] = roles;
        return roles;
    }

    private async Task<TapRoles> ResolveAsync(string personId, CancellationToken ct)
    {
        var o = options.Value;
        var wanted = new[]
            {
                o.HelpdeskGroupIds, o.ApproverGroupIds, o.ApproverRoleTemplateIds,
                o.PrivilegedApproverGroupIds, o.PrivilegedApproverRoleTemplateIds, o.AuditorGroupIds,
            }
            .SelectMany(ids => ids)
            .Where(id => !string.IsNullOrWhiteSpace(id))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToArray();
        if (wanted.Length == 0)
        {
            return TapRoles.None;
        }

        // One checkMemberObjects call answers groups and role templates together, transitively.
        var held = await directory.GetMembershipsAsync(personId, wanted, ct);
        bool Any(string[] ids) => ids.Any(held.Contains);

        var roles = TapRoles.None;
        if (Any(o.HelpdeskGroupIds)) roles |= TapRoles.HelpdeskOperator;
        if (Any(o.ApproverGroupIds) || Any(o.ApproverRoleTemplateIds)) roles |= TapRoles.Approver;
        if (Any(o.PrivilegedApproverGroupIds) || Any(o.PrivilegedApproverRoleTemplateIds)) roles |= TapRoles.PrivilegedApprover;
        if (Any(o.AuditorGroupIds)) roles |= TapRoles.Auditor;
        return roles;
    }

    /// <summary>
    /// Whether someone with <paramref name="requesterRoles"/> may issue or revoke for the target: privileged people
    /// (any directory role, or a role-assignable group) need a privileged approver.
    /// </summary>
    public async Task<bool> MayActForAsync(TapRoles requesterRoles, string targetId, CancellationToken ct) =>
        (requesterRoles & TapRoles.PrivilegedApprover) != 0 || !(await directory.GetPrivilegeAsync(targetId, ct)).IsPrivileged;
}
