using System.Text.RegularExpressions;

namespace TapBot.Domain.People;

/// <summary>
/// What someone typed to name a person ("adele@contoso.com", "Adele Vance"), cleaned and checked before it
/// goes anywhere near the directory.
/// </summary>
public sealed partial record PersonQuery
{
    /// <summary>Longest name we look up; UPNs are at most 113 characters, display names 256.</summary>
    public const int MaxLength = 256;

    private PersonQuery(string text) => Text = text;

    public string Text { get; }

    /// <summary>
    /// True when the text is an Entra object id: what a Teams mention resolves to. It names exactly one person and is
    /// read by id, never searched for.
    /// </summary>
    public bool IsObjectId => Guid.TryParse(Text, out _);

    /// <summary>True when the text looks like a UPN or mail address rather than a display name.</summary>
    public bool IsAddress => Text.Contains('@');

    /// <summary>Parses the text; returns null and a message for the user when it cannot name a person.</summary>
    public static PersonQuery? TryParse(string? raw, out Refusals.Refusal? problem)
    {
        problem = null;
        var text = Clean(raw ?? string.Empty);
        if (text.Length == 0)
        {
            problem = Refusals.Refuse.PersonMissing();
            return null;
        }

        if (text.Length > MaxLength)
        {
            problem = Refusals.Refuse.PersonTooLong(text.Length, MaxLength);
            return null;
        }

        if (!AllowedName().IsMatch(text))
        {
            problem = Refusals.Refuse.PersonNotAName();
            return null;
        }

        return new PersonQuery(text);
    }

    private static string Clean(string raw)
    {
        // Teams wraps mentions and some pasted text in markup; a mailto link arrives as <a href="mailto:x">x</a>.
        var text = Markup().Replace(raw, " ");
        text = System.Net.WebUtility.HtmlDecode(text);
        text = Whitespace().Replace(text, " ").Trim();
        return text.Trim('"', '\'', '“', '”', '‘', '’', '.', ',', '?', '!', ' ');
    }

    [GeneratedRegex("<[^>]{0,2000}>")]
    private static partial Regex Markup();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    // Letters and marks of any script (names are not ASCII), digits, and the punctuation UPNs and names use.
    [GeneratedRegex(@"^[\p{L}\p{M}\p{Nd} .'\-_@+#]+$")]
    private static partial Regex AllowedName();
}
