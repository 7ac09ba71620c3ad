using TapBot.Domain.People;

namespace TapBot.Domain.Ports;

/// <summary>The tenant directory as TapBot needs it. Implemented over Microsoft Graph.</summary>
public interface IDirectory
{
    /// <summary>The person with this object id or UPN, or null when there is none.</summary>
    Task<Person?> GetPersonAsync(string idOrUserPrincipalName, CancellationToken ct);

    /// <summary>The person's manager in the directory, or null when none is set.</summary>
    Task<Person?> GetManagerAsync(string personId, CancellationToken ct);

    /// <summary>
    /// People matching a query: an exact UPN or mail address, or display names that start with the text.
    /// Returns at most <paramref name="max"/> people.
    /// </summary>
    Task<IReadOnlyList<Person>> FindPeopleAsync(PersonQuery query, int max, CancellationToken ct);

    /// <summary>
    /// Which of the given object ids (groups, or directory role template ids) the person is a member of,
    /// transitively.
    /// </summary>
    Task<IReadOnlySet<string>> GetMembershipsAsync(string personId, IReadOnlyCollection<string> objectIds, CancellationToken ct);

    /// <summary>
    /// What makes a person a privileged target: the directory roles they hold (transitively) and whether they are in
    /// a role-assignable group. Only tenant-wide roles count.
    /// </summary>
    Task<Privilege> GetPrivilegeAsync(string personId, CancellationToken ct);
}

/// <summary>Directory roles (template ids) a person holds, and whether any role-assignable group contains them.</summary>
public sealed record Privilege(IReadOnlyList<string> RoleTemplateIds, bool InRoleAssignableGroup)
{
    /// <summary>Any directory role, or a role-assignable group: Entra keeps such accounts from ordinary admins too.</summary>
    public bool IsPrivileged => RoleTemplateIds.Count > 0 || InRoleAssignableGroup;
}
