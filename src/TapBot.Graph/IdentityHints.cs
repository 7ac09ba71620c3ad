using System.Collections.Concurrent;

namespace TapBot.Graph;

/// <summary>
/// The object id last seen behind a UPN, so a pre-flight by UPN can put the role-assignment reads
/// (which Graph filters by object id only) in the same <c>$batch</c> as the user read.
/// </summary>
/// <remarks>
/// A hint never decides anything: the batch reads the user by UPN too, and the role answers are used only when that
/// user's id is the hinted one; otherwise they are read again by the real id (one more round trip). Object ids never
/// change; a UPN moved to someone else only costs that extra round trip. Bounded: past <see cref="MaxEntries"/> it starts over.
/// </remarks>
internal sealed class IdentityHints
{
    internal const int MaxEntries = 10_000;

    private readonly ConcurrentDictionary<string, string> _ids = new(StringComparer.OrdinalIgnoreCase);

    public string? Find(string userPrincipalName) => _ids.TryGetValue(userPrincipalName, out var id) ? id : null;

    public void Remember(Domain.People.Person person)
    {
        if (_ids.Count >= MaxEntries) _ids.Clear();
        if (person.UserPrincipalName.Length > 0) _ids[person.UserPrincipalName] = person.Id;
    }
}
