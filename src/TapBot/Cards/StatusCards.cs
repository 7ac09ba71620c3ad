using System.Text.Json.Nodes;
using TapBot.Domain.People;
using TapBot.Domain.Status;
using static TapBot.Cards.AdaptiveCard;

namespace TapBot.Cards;

/// <summary>Cards for "TAP status for X". None of them can hold a code: the status model has none.</summary>
public static class StatusCards
{
    public static JsonObject Found(StatusOutcome.Found found)
    {
        var person = found.Person;
        var header = new List<JsonNode?>
        {
            Heading($"TAP status — {CardText.Escape(person.DisplayName)}"),
            Text(CardText.Escape(person.UserPrincipalName) + (person.JobTitle is { Length: > 0 } t ? " · " + CardText.Escape(t) : ""), subtle: true, spacing: "None"),
        };
        if (!person.AccountEnabled)
        {
            header.Add(Text("This account is disabled.", color: "Attention"));
        }

        if (found.Pass is not { } pass)
        {
            header.Add(Text($"{CardText.Escape(person.DisplayName)} has no Temporary Access Pass."));
            header.Add(Text($"Checked {When(found.CheckedAt)}", subtle: true, size: "Small"));
            return New(header, speak: "TAP status: no Temporary Access Pass.");
        }

        header.Add(Text(pass.IsUsable ? "**Usable now**" : $"**Not usable** — {pass.UsabilityInWords}",
            color: pass.IsUsable ? "Good" : "Attention", spacing: "Medium"));
        header.Add(Facts(
        [
            ("Created", When(pass.CreatedAt)),
            ("Starts", When(pass.StartsAt)),
            ("Lifetime", Lifetime(pass.LifetimeInMinutes)),
            ("Expires", When(pass.ExpiresAt)),
            ("One-time use", pass.IsUsableOnce ? "Yes" : "No (reusable until it expires)"),
            ("Usable", pass.IsUsable ? "Yes" : "No"),
            ("Reason", $"{pass.UsabilityInWords} ({pass.UsabilityReason})"),
        ]));
        header.Add(Text($"Checked {When(found.CheckedAt)}. The passcode itself is never shown here.", subtle: true, size: "Small"));
        return New(header, speak: pass.IsUsable ? "TAP status: a usable pass." : "TAP status: a pass that is not usable now.");
    }

    public static JsonObject PickPerson(PersonLookup.Ambiguous ambiguous, string verb = CardVerbs.ShowStatus, string button = "Show status") => New(
        [
            Heading("Which person?"),
            Text($"Several people match “{CardText.Escape(ambiguous.Query)}”. Pick one."),
            ChoiceSet("personId", "Person", ambiguous.Candidates.Select(p => (Choice(p), p.Id))),
        ],
        [Execute(button, verb)]);

    public static JsonObject NotFound(PersonLookup.NotFound notFound) => New(
    [
        Heading("Nobody found"),
        Text($"I couldn't find anyone matching “{CardText.Escape(notFound.Query)}”. Try their UPN (name@yourcompany.com), " +
             "their mail address, or the start of their display name."),
    ]);

    /// <summary>A refusal in TapBot's words: the same short card as <see cref="Notice"/>.</summary>
    public static JsonObject Refused(string message) => Notice(message);

    /// <summary>
    /// A short message in TapBot's words (a confirmation, a hint, "nothing changed"); they may name people as the
    /// directory spells them, so they are defused.
    /// </summary>
    public static JsonObject Notice(string message) => New([Text(CardText.Defuse(message))]);

    /// <summary>
    /// The official renderer reads the titles of an expanded choice set as markdown (and others show them as plain
    /// text), so they are defused rather than escaped: no links, and no backslashes in plain names and UPNs.
    /// </summary>
    private static string Choice(Person p) => CardText.Defuse(CardText.Cut($"{p.DisplayName} ({p.UserPrincipalName})"));

    public static string Lifetime(int minutes) => minutes switch
    {
        < 60 => $"{minutes} minutes",
        _ when minutes % 1440 == 0 => minutes == 1440 ? "1 day" : $"{minutes / 1440} days",
        _ when minutes % 60 == 0 => minutes == 60 ? "1 hour" : $"{minutes / 60} hours",
        _ => $"{minutes / 60} h {minutes % 60} min",
    };
}
