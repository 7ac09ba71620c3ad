using TapBot.Domain.Ports;

namespace TapBot.Domain.People;

/// <summary>
/// The one person a typed name picks (<see cref="Person"/>), or the candidates to choose from: empty when nobody
/// matches, at most <see cref="PersonSearch.MaxCandidates"/> when several do.
/// </summary>
public sealed record PersonLookup(Person? Person, IReadOnlyList<Person> Candidates);

/// <summary>Every "... for X" command finds its person the same way.</summary>
public static class PersonSearch
{
    /// <summary>Most people a pick list offers.</summary>
    public const int MaxCandidates = 10;

    public static async Task<PersonLookup> FindOneAsync(this IDirectory directory, PersonQuery query, CancellationToken ct)
    {
        // One more than a pick list shows, so "more than ten" is still a pick list of ten, not a miss.
        var matches = await directory.FindPeopleAsync(query, MaxCandidates + 1, ct);
        var person = PersonMatch.PickOne(query, matches);
        return new PersonLookup(person, person is null ? matches.Take(MaxCandidates).ToList() : []);
    }
}
