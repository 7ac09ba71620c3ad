using System.Text.Json.Nodes;
using TapBot.Domain.Audit;
using static TapBot.Cards.AdaptiveCard;

namespace TapBot.Cards;

/// <summary>"audit for X": recent events about a person, newest first, in plain words.</summary>
public static class AuditCards
{
    public static JsonObject Recent(AuditOutcome.Found found)
    {
        var body = new List<JsonNode?> { Heading(Texts.Get("Audit.Title", CardText.Escape(found.Person.DisplayName))) };
        if (found.Events.Count == 0)
        {
            body.Add(Text(Texts.Get("Audit.None"), subtle: true));
        }
        else
        {
            body.Add(Text(Texts.Get("Audit.Newest", found.Events.Count, CardText.Escape(found.Person.DisplayName)), subtle: true));
            body.Add(Facts(found.Events.Select(e => (When(e.Event.At), Describe(e)))));
        }

        body.Add(Text(Texts.Get("Audit.Verify"), subtle: true, size: "Small"));
        return New(body);
    }

    private static string Describe(NamedAuditEvent named)
    {
        var e = named.Event;
        var who = CardText.Escape(named.ActorName);
        var details = new List<string>();
        if (e.Details.TryGetValue("reason", out var reason) && reason.Length > 0) details.Add(Texts.Get("Audit.ReasonDetail", CardText.Escape(Shorten(reason))));
        if (e.Details.TryGetValue("lifetimeMinutes", out var minutes) && int.TryParse(minutes, out var m)) details.Add(StatusCards.Lifetime(m));
        if (e.Details.TryGetValue("note", out var note) && note.Length > 0) details.Add(Texts.Get("Audit.NoteDetail", CardText.Escape(Shorten(note))));
        // Each kind has its words in Texts (AuditKind.<kind>); a kind without them is shown as stored.
        var what = Texts.Has("AuditKind." + e.Kind) ? Texts.Get("AuditKind." + e.Kind) : CardText.Escape(e.Kind);
        return Texts.Get("Audit.By", what, who) + (details.Count > 0 ? $" ({string.Join(", ", details)})" : "");
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..77] + "…";
}
