using System.Diagnostics.CodeAnalysis;
using TapBot.Domain.Ports;

namespace TapBot.Domain.People;

/// <summary>
/// Who a typed name picks, the same for every "... for X" command: exactly one person, or a <see cref="Miss"/> that
/// the command answers with instead of going on (the same "several match" and "nobody found" everywhere).
/// </summary>
public abstract record PersonLookup
{
    private PersonLookup() { }

    /// <summary>The one person the name picks.</summary>
    public sealed record Found(Person Person) : PersonLookup;

    /// <summary>Not exactly one person; <see cref="Query"/> is the cleaned text that was searched.</summary>
    public abstract record Miss : PersonLookup
    {
        private protected Miss(string query) => Query = query;

        public string Query { get; }
    }

    /// <summary>Several people match: at most <see cref="PersonSearch.MaxCandidates"/> to pick from.</summary>
    public sealed record Ambiguous(string Query, IReadOnlyList<Person> Candidates) : Miss(Query);

    /// <summary>Nobody matches.</summary>
    public sealed record NotFound(string Query) : Miss(Query);

    /// <summary>True with the person when the name picks exactly one; otherwise false with the miss to answer with.</summary>
    public bool Picked([NotNullWhen(true)] out Person? person, [NotNullWhen(false)] out Miss? miss)
    {
        person = (this as Found)?.Person;
        miss = this as Miss;
        return person is not null;
    }
}

/// <summary>Every "... for X" command finds its person the same way.</summary>
public static class PersonSearch
{
    /// <summary>Most people a pick list offers.</summary>
    public const int MaxCandidates = 10;

    public static async Task<PersonLookup> FindOneAsync(this IDirectory directory, PersonQuery query, CancellationToken ct)
    {
        if (query.IsObjectId)
        {
            return await directory.GetPersonAsync(query.Text, ct) is { } byId ? new PersonLookup.Found(byId) : new PersonLookup.NotFound(query.Text);
        }

        // One more than a pick list shows, so "more than ten" is still a pick list of ten, not a miss.
        var matches = await directory.FindPeopleAsync(query, MaxCandidates + 1, ct);
        if (PersonMatch.PickOne(query, matches) is { } person) return new PersonLookup.Found(person);
        return matches.Count == 0 ? new PersonLookup.NotFound(query.Text) : new PersonLookup.Ambiguous(query.Text, matches.Take(MaxCandidates).ToList());
    }
}
