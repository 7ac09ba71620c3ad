using System.Text.Json.Nodes;
using TapBot.Domain.Audit;
using static TapBot.Cards.AdaptiveCard;

namespace TapBot.Cards;

/// <summary>"audit for X": recent events about a person, newest first, in plain words.</summary>
public static class AuditCards
{
    public static JsonObject Recent(AuditOutcome.Found found)
    {
        var body = new List<JsonNode?> { Heading($"Audit trail for {CardText.Escape(found.Person.DisplayName)}") };
        if (found.Events.Count == 0)
        {
            body.Add(Text("No events about this person yet.", subtle: true));
        }
        else
        {
            body.Add(Text($"The newest {found.Events.Count} events where {CardText.Escape(found.Person.DisplayName)} acted or was acted on. Passcodes are never recorded.", subtle: true));
            body.Add(Facts(found.Events.Select(e => (When(e.Event.At), Describe(e)))));
        }

        body.Add(Text("The full, tamper-evident trail: `dotnet TapBot.dll audit verify` on the server.", subtle: true, size: "Small"));
        return New(body);
    }

    private static string Describe(NamedAuditEvent named)
    {
        var e = named.Event;
        var who = CardText.Escape(named.ActorName);
        var details = new List<string>();
        if (e.Details.TryGetValue("reason", out var reason) && reason.Length > 0) details.Add("reason: " + CardText.Escape(Shorten(reason)));
        if (e.Details.TryGetValue("lifetimeMinutes", out var minutes) && int.TryParse(minutes, out var m)) details.Add(StatusCards.Lifetime(m));
        if (e.Details.TryGetValue("note", out var note) && note.Length > 0) details.Add("note: " + CardText.Escape(Shorten(note)));
        var what = e.Kind switch
        {
            AuditKinds.Issued => "pass created",
            AuditKinds.Delivered => "code delivered privately",
            AuditKinds.IssueApproved => "issuing approved",
            AuditKinds.IssueRefused => "issuing refused",
            AuditKinds.IssueFailed => "issuing failed",
            AuditKinds.Revoked => "pass revoked",
            AuditKinds.RevokeRefused => "revoke refused",
            AuditKinds.Redacted => "code card redacted",
            AuditKinds.StatusViewed => "status viewed",
            AuditKinds.StatusRefused => "status refused",
            AuditKinds.RequestCreated => "request sent",
            AuditKinds.RequestRouted => "request routed to approvers",
            AuditKinds.RequestApproved => "request approved",
            AuditKinds.RequestDenied => "request denied",
            AuditKinds.RequestExpired => "request expired",
            AuditKinds.RequestReminded => "approvers reminded",
            AuditKinds.RequestRefused => "request refused",
            AuditKinds.DecisionRefused => "decision refused",
            AuditKinds.OwnerNotified => "owner notified",
            AuditKinds.OwnerNotNotified => "owner could not be notified",
            AuditKinds.AuditViewed => "audit trail viewed",
            AuditKinds.AuditRefused => "audit trail refused",
            AuditKinds.ApproverChannelSet => "approvers' channel set",
            AuditKinds.ApproverChannelRefused => "approvers' channel refused",
            _ => e.Kind,
        };
        return $"{what} — by {who}" + (details.Count > 0 ? $" ({string.Join(", ", details)})" : "");
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..77] + "…";
}
