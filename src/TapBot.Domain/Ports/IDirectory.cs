using TapBot.Domain.People;
using TapBot.Domain.Roles;

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
    /// What the directory shows that could make a person a privileged target (their transitive memberships, active and
    /// eligible role assignments), read together; <see cref="Roles.PrivilegedTargets"/> decides from it.
    /// </summary>
    Task<PrivilegeFacts> GetPrivilegeFactsAsync(string personId, CancellationToken ct);
}
