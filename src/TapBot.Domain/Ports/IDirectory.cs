using TapBot.Domain.People;

namespace TapBot.Domain.Ports;

/// <summary>The tenant directory as TapBot needs it. Implemented over Microsoft Graph.</summary>
public interface IDirectory
{
    /// <summary>The person with this object id or UPN, or null when there is none.</summary>
    Task<Person?> GetPersonAsync(string idOrUserPrincipalName, CancellationToken ct);

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
}
