namespace TapBot.Domain.People;

/// <summary>How a typed name picks a person out of the directory's matches.</summary>
public static class PersonMatch
{
    /// <summary>True when the query is exactly the person's UPN, mail or display name (case-insensitive).</summary>
    public static bool Names(PersonQuery query, Person p) =>
        string.Equals(p.UserPrincipalName, query.Text, StringComparison.OrdinalIgnoreCase)
        || (query.IsObjectId && string.Equals(p.Id, query.Text, StringComparison.OrdinalIgnoreCase))
        || string.Equals(p.Mail, query.Text, StringComparison.OrdinalIgnoreCase)
        || string.Equals(p.DisplayName, query.Text, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The only match, or the only exact match among several. Display names are not unique, so two exact
    /// display-name matches stay ambiguous (null): the caller offers a pick list.
    /// </summary>
    public static Person? PickOne(PersonQuery query, IReadOnlyList<Person> matches)
    {
        if (matches.Count == 1) return matches[0];
        var exact = matches.Where(p => Names(query, p)).Take(2).ToList();
        return exact.Count == 1 ? exact[0] : null;
    }
}
