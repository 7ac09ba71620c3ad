using System.Text.Json.Nodes;
using TapBot.Domain.Approvals;
using TapBot.Domain.Issuance;
using TapBot.Domain.Requests;
using static TapBot.Cards.AdaptiveCard;

namespace TapBot.Cards;

/// <summary>
/// Cards about requests that someone else approves: the request form, the approval card (manager and approvers'
/// channel), and the requester's own card. Every copy shows the same truth: pending, or who decided what and when.
/// </summary>
public static class RequestCards
{
    /// <summary>Teams refreshes a card automatically for at most 60 listed people.</summary>
    public const int MaxRefreshUsers = 60;

    /// <param name="kept">A refused submit's values and the refusal, shown above the button; null for a new form.</param>
    public static JsonObject Form(RequestForm form, FormEntries? kept = null)
    {
        var t = form.Target;
        var body = new List<JsonNode?>
        {
            Heading(form.IsForSelf ? Texts.Get("Request.TitleSelf") : Texts.Get("Request.TitleOther", CardText.Escape(t.DisplayName))),
            Text(form.IsForSelf
                ? Texts.Get("Request.IntroSelf")
                : Texts.Get("Request.IntroOther", CardText.Escape(t.UserPrincipalName))),
            Text(Texts.Get("Request.WhoApproves", Routing(form.Routing, form.IsForSelf)), subtle: true),
        };
        body.AddRange(form.Warnings.Select(w => (JsonNode?)FormParts.Warning(w)));
        if (form.Recipients.Count > 1)
        {
            // Choice titles of an expanded set are read as markdown: the names in them are defused.
            body.Add(ChoiceSet("recipient", Texts.Get("Form.SendCodeTo"),
                form.Recipients.Select(k => (CardText.Defuse(CardText.Cut(RecipientTitle(k, form))), RecipientValues.Of(k)))));
            ((JsonObject)body[^1]!)["value"] = RecipientValues.Of(kept?.Recipient is { } r && form.Recipients.Contains(r) ? r : form.Recipients[0]);
        }

        body.Add(FormParts.ReasonInput(Texts.Get(form.IsForSelf ? "Request.WhatHappened" : "Form.Reason"), form.ReasonRequired,
            Texts.Get(form.IsForSelf ? "Request.PlaceholderSelf" : "Request.PlaceholderOther"), kept));
        body.Add(FormParts.KeptProblem(kept));
        var data = new JsonObject { [FormVersion.Key] = FormVersion.Request };
        if (!form.IsForSelf) data["personId"] = t.Id;
        return New(body, [Execute(Texts.Get("Button.SendRequest"), CardVerbs.RequestPass, data, style: "positive")],
            speak: Texts.Get(kept is null ? "Request.Speak" : "Request.SpeakKept"));
    }

    private static string RecipientTitle(RecipientKind kind, RequestForm form) => (kind, form.IsForSelf) switch
    {
        (RecipientKind.Person, true) => Texts.Get("Request.Recipient.MeSelf"),
        (RecipientKind.Person, false) => form.Target.DisplayName,
        (_, true) => Texts.Get("Request.Recipient.MyManager", form.Manager?.DisplayName),
        _ => Texts.Get("Request.Recipient.TheirManager", form.Manager?.DisplayName),
    };

    /// <summary>Who was asked, in the reader's words ("Megan Bowen (your manager) and the approvers' channel"); escaped.</summary>
    private static string Routing(ApprovalRouting routing, bool forSelf)
    {
        var parts = new List<string>();
        if (routing.Manager is { } manager) parts.Add(Texts.Get(forSelf ? "Routing.YourManager" : "Routing.TheirManager", CardText.Escape(manager.DisplayName)));
        if (routing.ToApproversChannel) parts.Add(Texts.Get("Routing.Channel"));
        return parts.Count == 2 ? Texts.Get("Routing.And", parts[0], parts[1]) : string.Join("", parts);
    }

    /// <summary>
    /// The approval card as posted to approvers. The copy in the manager's 1:1 chat carries the buttons; in the
    /// approvers' channel the buttons appear through the card's refresh, only for people who may decide.
    /// </summary>
    public static JsonObject Approval(ApprovalView view, bool withButtons, IReadOnlyList<string> refreshUserIds, string? problem = null)
    {
        var r = view.Request;
        var pending = r.Status == RequestStatus.Pending;
        var body = new List<JsonNode?>
        {
            Heading(view.IsForSelf
                ? Texts.Get("Approval.TitleSelf", CardText.Escape(view.Target.DisplayName))
                : Texts.Get("Approval.TitleOther", CardText.Escape(view.Requester.DisplayName), CardText.Escape(view.Target.DisplayName))),
            Facts(Details(view)),
            Text(Outcome(view), weight: pending ? null : "Bolder", color: Color(r.Status)),
        };
        if (problem is not null) body.Add(Text(CardText.Defuse(problem), color: "Attention"));
        List<JsonNode>? actions = null;
        if (pending && withButtons)
        {
            body.Add(new JsonObject
            {
                ["type"] = "Input.Text", ["id"] = "denyReason", ["label"] = Texts.Get("Approval.DenyReason"), ["maxLength"] = ReasonRules.MaxLength,
            });
            var data = new JsonObject { ["requestId"] = r.Id.ToString() };
            actions =
            [
                Execute(Texts.Get("Button.Approve"), CardVerbs.ApproveRequest, (JsonObject)data.DeepClone(), style: "positive"),
                Execute(Texts.Get("Button.Deny"), CardVerbs.DenyRequest, (JsonObject)data.DeepClone(), style: "destructive"),
            ];
        }
        else if (pending)
        {
            body.Add(Text(Texts.Get("Approval.RefreshHint"), subtle: true, size: "Small"));
        }

        var card = New(body, actions, speak: Texts.Get(pending ? "Approval.SpeakPending" : "Approval.SpeakDecided"));
        if (pending)
        {
            // Each listed person's client asks TapBot for their own view: buttons if they may decide, status if not.
            card["refresh"] = new JsonObject
            {
                ["action"] = Execute(Texts.Get("Button.Refresh"), CardVerbs.RefreshRequest, new JsonObject { ["requestId"] = r.Id.ToString() }),
                ["userIds"] = new JsonArray(refreshUserIds.Take(MaxRefreshUsers).Select(id => (JsonNode)JsonValue.Create(id)!).ToArray()),
            };
        }

        return card;
    }

    /// <summary>The requester's own card: what they asked, and what happened.</summary>
    public static JsonObject ForRequester(ApprovalView view) => New(
    [
        Heading(view.IsForSelf ? Texts.Get("Mine.TitleSelf") : Texts.Get("Mine.TitleOther", CardText.Escape(view.Target.DisplayName))),
        Facts(Details(view)),
        Text(Outcome(view), weight: "Bolder", color: Color(view.Request.Status)),
        view.Request.Status == RequestStatus.Pending
            ? Text(Texts.Get("Mine.Waiting", Routing(view.Routing, view.IsForSelf)), subtle: true)
            : null,
    ]);

    public static JsonObject Reminder(ApprovalView view) => New(
    [
        Heading(Texts.Get("Reminder.Title")),
        Text(Texts.Get("Reminder.Text", CardText.Escape(view.Target.DisplayName), When(view.Request.DecideBy))),
    ]);

    /// <summary>The decision in one line: "Approved by Megan Bowen at … — delivered to Adele Vance".</summary>
    public static string Outcome(ApprovalView view)
    {
        var r = view.Request;
        var decider = view.DeciderName is { } name ? CardText.Escape(name) : Texts.Get("Common.AnApprover");
        var at = r.Decision is { } d ? When(d.At) : "";
        return r.Status switch
        {
            RequestStatus.Pending => Texts.Get("Outcome.Pending", When(r.DecideBy)),
            RequestStatus.Delivered => Texts.Get("Outcome.Delivered", decider, at, CardText.Escape(view.Recipient.DisplayName)),
            RequestStatus.Entitled => EntitlementCards.RequestOutcome(decider, at, view.Recipient),
            RequestStatus.Approved or RequestStatus.Issued => Texts.Get("Outcome.Approved", decider, at),
            RequestStatus.Revoked => Texts.Get("Outcome.Revoked", decider, at),
            RequestStatus.Denied => Texts.Get("Outcome.Denied", decider, at, CardText.Escape(r.Decision?.Note ?? "")),
            RequestStatus.Expired => Texts.Get("Outcome.Expired", When(r.DecideBy)),
            RequestStatus.Failed when r.Decision is { Approved: true } => Texts.Get("Outcome.Failed", decider, at, CardText.Escape(r.FailureReason ?? Texts.Get("Common.Unknown"))),
            _ => Texts.Get("Outcome.NotSent", CardText.Escape(r.FailureReason ?? Texts.Get("Common.Unknown"))),
        };
    }

    private static List<(string, string)> Details(ApprovalView view)
    {
        var r = view.Request;
        var facts = new List<(string, string)> { (Texts.Get("Fact.For"), $"{CardText.Escape(view.Target.DisplayName)} ({CardText.Escape(view.Target.UserPrincipalName)})") };
        if (!view.IsForSelf) facts.Add((Texts.Get("Fact.AskedBy"), CardText.Escape(view.Requester.DisplayName)));
        facts.Add((Texts.Get("Fact.Reason"), CardText.Escape(r.Reason)));
        facts.Add((Texts.Get("Fact.CodeGoesTo"), r.RecipientId == r.TargetId ? CardText.Escape(view.Target.DisplayName) : Texts.Get("Details.Manager", CardText.Escape(view.Recipient.DisplayName))));
        facts.Add((Texts.Get("Fact.Lifetime"), r.IsUsableOnce ? Texts.Get("Details.OneTime", StatusCards.Lifetime(r.LifetimeInMinutes)) : StatusCards.Lifetime(r.LifetimeInMinutes)));
        facts.Add((Texts.Get("Fact.Asked"), When(r.CreatedAt)));
        return facts;
    }

    private static string? Color(RequestStatus status) => status switch
    {
        RequestStatus.Delivered or RequestStatus.Entitled => "Good",
        RequestStatus.Denied or RequestStatus.Failed => "Attention",
        RequestStatus.Expired => "Warning",
        _ => null,
    };
}
