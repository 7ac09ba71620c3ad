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
            Heading(Texts.Get("Status.Title", CardText.Escape(person.DisplayName))),
            Text(CardText.Escape(person.UserPrincipalName) + (person.JobTitle is { Length: > 0 } t ? " · " + CardText.Escape(t) : ""), subtle: true, spacing: "None"),
        };
        if (!person.AccountEnabled)
        {
            header.Add(Text(Texts.Get("Status.Disabled"), color: "Attention"));
        }

        if (found.Unshown is { } unshown) header.Add(EntitlementCards.StatusLine(unshown));
        if (found.Pass is not { } pass)
        {
            header.Add(Text(Texts.Get(found.Unshown is null ? "Status.NoPass" : "Status.NoPassInEntraYet", CardText.Escape(person.DisplayName))));
            header.Add(Text(Texts.Get("Status.Checked", When(found.CheckedAt)), subtle: true, size: "Small"));
            return New(header, speak: found.Unshown is null ? Texts.Get("Status.SpeakNone") : Texts.Get("Status.NoPassInEntraYet", CardText.Escape(person.DisplayName)));
        }

        header.Add(Text(pass.IsUsable ? Texts.Get("Status.UsableNow") : Texts.Get("Status.NotUsable", Usability(pass.UsabilityReason)),
            color: pass.IsUsable ? "Good" : "Attention", spacing: "Medium"));
        header.Add(Facts(
        [
            (Texts.Get("Fact.Created"), When(pass.CreatedAt)),
            (Texts.Get("Fact.Starts"), When(pass.StartsAt)),
            (Texts.Get("Fact.Lifetime"), Lifetime(pass.LifetimeInMinutes)),
            (Texts.Get("Fact.Expires"), When(pass.ExpiresAt)),
            (Texts.Get("Fact.OneTime"), pass.IsUsableOnce ? Texts.Get("Common.Yes") : Texts.Get("Status.OneTimeNo")),
            (Texts.Get("Fact.Usable"), Texts.Get(pass.IsUsable ? "Common.Yes" : "Common.No")),
            (Texts.Get("Fact.Reason"), $"{Usability(pass.UsabilityReason)} ({CardText.Escape(pass.UsabilityReason)})"),
        ]));
        header.Add(Text(Texts.Get("Status.CheckedNoCode", When(found.CheckedAt)), subtle: true, size: "Small"));
        return New(header, speak: Texts.Get(pass.IsUsable ? "Status.SpeakUsable" : "Status.SpeakNotUsable"));
    }

    public static JsonObject PickPerson(PersonLookup.Ambiguous ambiguous, string verb = CardVerbs.ShowStatus, string? button = null) => New(
        [
            Heading(Texts.Get("Pick.Title")),
            Text(Texts.Get("Pick.Several", CardText.Escape(ambiguous.Query))),
            ChoiceSet("personId", Texts.Get("Pick.Person"), ambiguous.Candidates.Select(p => (Choice(p), p.Id))),
        ],
        [Execute(button ?? Texts.Get("Button.ShowStatus"), verb)]);

    public static JsonObject NotFound(PersonLookup.NotFound notFound) => New(
    [
        Heading(Texts.Get("NotFound.Title")),
        Text(Texts.Get("NotFound.Text", CardText.Escape(notFound.Query))),
    ]);

    /// <summary>A refusal in TapBot's words: the same short card as <see cref="Notice"/>, marked as a refusal.</summary>
    public static JsonObject Refused(string message) => MarkRefusal(Notice(message));

    /// <summary>The id of a refusal's first element: the routers count refusals by it (the refused-commands limit).</summary>
    public const string RefusalId = "refusal";

    public static JsonObject MarkRefusal(JsonObject card)
    {
        if (card["body"] is JsonArray { Count: > 0 } body && body[0] is JsonObject first) first["id"] = RefusalId;
        return card;
    }

    public static bool IsRefusal(JsonObject card) =>
        card["body"] is JsonArray { Count: > 0 } body && body[0] is JsonObject first && first["id"]?.GetValue<string>() == RefusalId;

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
        < 60 => Texts.Get("Lifetime.Minutes", minutes),
        _ when minutes % 1440 == 0 => minutes == 1440 ? Texts.Get("Lifetime.Day") : Texts.Get("Lifetime.Days", minutes / 1440),
        _ when minutes % 60 == 0 => minutes == 60 ? Texts.Get("Lifetime.Hour") : Texts.Get("Lifetime.Hours", minutes / 60),
        _ => Texts.Get("Lifetime.HoursMinutes", minutes / 60, minutes % 60),
    };

    /// <summary>Graph's <c>methodUsabilityReason</c> in the reader's words; an unknown reason as Graph spells it.</summary>
    public static string Usability(string reason) => reason switch
    {
        "EnabledByPolicy" or "DisabledByPolicy" or "Expired" or "NotYetValid" or "OneTimeUsed" => Texts.Get("Usability." + reason),
        _ => CardText.Escape(reason),
    };
}
