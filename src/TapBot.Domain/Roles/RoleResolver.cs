using Microsoft.Extensions.Options;
using TapBot.Domain.Ports;

namespace TapBot.Domain.Roles;

/// <summary>Works out a person's <see cref="TapRoles"/> from live, transitive directory membership.</summary>
public sealed class RoleResolver(IDirectory directory, IOptions<RoleOptions> options, RecentLookups? recent = null)
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

    /// <summary>
    /// The person's roles, reused from a read of the last few seconds (<see cref="RecentLookups"/>): only for answers
    /// that show something. A decision that creates, deletes or approves a pass uses <see cref="GetRolesAsync"/>.
    /// </summary>
    public async Task<TapRoles> GetRecentRolesAsync(string personId, CancellationToken ct)
    {
        if (recent is null || _resolved.ContainsKey(personId)) return await GetRolesAsync(personId, ct);
        return _resolved[personId] = await recent.GetAsync("roles:" + personId, () => ResolveAsync(personId, ct));
    }

    private async Task<TapRoles> ResolveAsync(string personId, CancellationToken ct)
    {
        var wanted = WantedObjectIds;
        if (wanted.Count == 0)
        {
            return TapRoles.None;
        }

        // One checkMemberObjects call answers groups and role templates together, transitively.
        return RolesFrom(await directory.GetMembershipsAsync(personId, wanted, ct));
    }

    /// <summary>Every configured group and role template id: membership of these decides a person's roles.</summary>
    public IReadOnlyCollection<string> WantedObjectIds
    {
        get
        {
            var o = options.Value;
            return new[]
                {
                    o.HelpdeskGroupIds, o.ApproverGroupIds, o.ApproverRoleTemplateIds,
                    o.PrivilegedApproverGroupIds, o.PrivilegedApproverRoleTemplateIds, o.AuditorGroupIds,
                }
                .SelectMany(ids => ids)
                .Where(id => !string.IsNullOrWhiteSpace(id))
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .ToArray();
        }
    }

    /// <summary>
    /// The roles a read made elsewhere in this turn shows (a pre-flight's membership check of <see cref="WantedObjectIds"/>),
    /// kept for the rest of the turn so it does not ask again.
    /// </summary>
    public TapRoles Remember(string personId, IReadOnlySet<string> held) => _resolved[personId] = RolesFrom(held);

    /// <summary>The roles that membership of <paramref name="held"/> (among <see cref="WantedObjectIds"/>) gives.</summary>
    public TapRoles RolesFrom(IReadOnlySet<string> held)
    {
        var o = options.Value;
        bool Any(string[] ids) => ids.Any(held.Contains);

        var roles = TapRoles.None;
        if (Any(o.HelpdeskGroupIds)) roles |= TapRoles.HelpdeskOperator;
        if (Any(o.ApproverGroupIds) || Any(o.ApproverRoleTemplateIds)) roles |= TapRoles.Approver;
        if (Any(o.PrivilegedApproverGroupIds) || Any(o.PrivilegedApproverRoleTemplateIds)) roles |= TapRoles.PrivilegedApprover;
        if (Any(o.AuditorGroupIds)) roles |= TapRoles.Auditor;
        return roles;
    }
}
