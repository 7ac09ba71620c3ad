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
            Heading(form.IsForSelf ? "Ask for a Temporary Access Pass" : $"Ask for a Temporary Access Pass for {CardText.Escape(t.DisplayName)}"),
            Text(form.IsForSelf
                ? "Lost your phone or security key? A Temporary Access Pass lets you sign in once and set up a new passkey or Microsoft Authenticator."
                : $"{CardText.Escape(t.UserPrincipalName)}: an approver decides, and the code goes privately to the person you choose below."),
            Text($"Who will be asked to approve: {CardText.Escape(form.Routing.Describe(form.IsForSelf))}.", subtle: true),
        };
        body.AddRange(form.Warnings.Select(w => (JsonNode?)Text("**Note:** " + CardText.Escape(w), color: "Warning")));
        if (form.Recipients.Count > 1)
        {
            // Choice titles of an expanded set are read as markdown: the names in them are defused.
            body.Add(ChoiceSet("recipient", "Send the code to",
                form.Recipients.Select(k => (CardText.Defuse(CardText.Cut(RecipientTitle(k, form))), RecipientValues.Of(k)))));
            ((JsonObject)body[^1]!)["value"] = RecipientValues.Of(kept?.Recipient is { } r && form.Recipients.Contains(r) ? r : form.Recipients[0]);
        }

        var label = form.IsForSelf ? "What happened?" : "Reason or ticket number";
        body.Add(PasscodeCards.ReasonInput(form.ReasonRequired ? label : label + " (optional)", form.ReasonRequired,
            form.IsForSelf ? "e.g. I lost my phone and can't sign in" : "e.g. INC-4711, verified by phone", kept));
        body.Add(PasscodeCards.KeptProblem(kept));
        var data = new JsonObject { [FormVersion.Key] = FormVersion.Request };
        if (!form.IsForSelf) data["personId"] = t.Id;
        return New(body, [Execute("Send request", CardVerbs.RequestPass, data, style: "positive")],
            speak: kept is null ? "Form to ask for a Temporary Access Pass." : "The request was not sent yet. The reason is shown above the button.");
    }

    private static string RecipientTitle(RecipientKind kind, RequestForm form) => (kind, form.IsForSelf) switch
    {
        (RecipientKind.Person, true) => "Me, in my chat with TapBot",
        (RecipientKind.Person, false) => form.Target.DisplayName,
        (_, true) => $"My manager ({form.Manager?.DisplayName}), to hand over in person",
        _ => $"Their manager ({form.Manager?.DisplayName}), to hand over in person",
    };

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
                ? $"{CardText.Escape(view.Target.DisplayName)} asks for a Temporary Access Pass"
                : $"{CardText.Escape(view.Requester.DisplayName)} asks for a Temporary Access Pass for {CardText.Escape(view.Target.DisplayName)}"),
            Facts(Details(view)),
            Text(Outcome(view), weight: pending ? null : "Bolder", color: Color(r.Status)),
        };
        if (problem is not null) body.Add(Text(CardText.Escape(problem), color: "Attention"));
        List<JsonNode>? actions = null;
        if (pending && withButtons)
        {
            body.Add(new JsonObject
            {
                ["type"] = "Input.Text", ["id"] = "denyReason", ["label"] = "Reason (needed to deny)", ["maxLength"] = ReasonRules.MaxLength,
            });
            var data = new JsonObject { ["requestId"] = r.Id.ToString() };
            actions =
            [
                Execute("Approve", CardVerbs.ApproveRequest, (JsonObject)data.DeepClone(), style: "positive"),
                Execute("Deny", CardVerbs.DenyRequest, (JsonObject)data.DeepClone(), style: "destructive"),
            ];
        }
        else if (pending)
        {
            body.Add(Text("Approvers see Approve and Deny here. If you don't, choose **Refresh card** from the card's menu.", subtle: true, size: "Small"));
        }

        var card = New(body, actions, speak: pending ? "A request for a Temporary Access Pass is waiting for a decision." : "A request for a Temporary Access Pass was decided.");
        if (pending)
        {
            // Each listed person's client asks TapBot for their own view: buttons if they may decide, status if not.
            card["refresh"] = new JsonObject
            {
                ["action"] = Execute("Refresh", CardVerbs.RefreshRequest, new JsonObject { ["requestId"] = r.Id.ToString() }),
                ["userIds"] = new JsonArray(refreshUserIds.Take(MaxRefreshUsers).Select(id => (JsonNode)JsonValue.Create(id)!).ToArray()),
            };
        }

        return card;
    }

    /// <summary>The requester's own card: what they asked, and what happened.</summary>
    public static JsonObject ForRequester(ApprovalView view) => New(
    [
        Heading(view.IsForSelf ? "Your request for a Temporary Access Pass" : $"Your request for a Temporary Access Pass for {CardText.Escape(view.Target.DisplayName)}"),
        Facts(Details(view)),
        Text(Outcome(view), weight: "Bolder", color: Color(view.Request.Status)),
        view.Request.Status == RequestStatus.Pending
            ? Text($"Waiting for {CardText.Escape(view.Routing.Describe(view.IsForSelf))}. This card updates when someone decides.", subtle: true)
            : null,
    ]);

    public static JsonObject Reminder(ApprovalView view) => New(
    [
        Heading("Reminder: a request for a Temporary Access Pass is waiting"),
        Text($"{CardText.Escape(view.Target.DisplayName)}'s request is still undecided and expires {AdaptiveCard.When(view.Request.DecideBy)}. " +
             "Decide on the request card above."),
    ]);

    /// <summary>The decision in one line: "Approved by Megan Bowen at … — delivered to Adele Vance".</summary>
    public static string Outcome(ApprovalView view)
    {
        var r = view.Request;
        var decider = CardText.Escape(view.DeciderName ?? "an approver");
        var at = r.Decision is { } d ? When(d.At) : "";
        return r.Status switch
        {
            RequestStatus.Pending => $"Waiting for a decision (expires {When(r.DecideBy)}).",
            RequestStatus.Delivered => $"Approved by {decider} at {at} — delivered to {CardText.Escape(view.Recipient.DisplayName)}, privately.",
            RequestStatus.Approved or RequestStatus.Issued => $"Approved by {decider} at {at} — the pass is being issued.",
            RequestStatus.Revoked => $"Approved by {decider} at {at}; the pass has since been revoked.",
            RequestStatus.Denied => $"Denied by {decider} at {at}: {CardText.Escape(r.Decision?.Note ?? "")}",
            RequestStatus.Expired => $"Expired: nobody decided by {When(r.DecideBy)}. Ask again if you still need a pass.",
            RequestStatus.Failed when r.Decision is { Approved: true } => $"Approved by {decider} at {at}, but no pass could be issued ({CardText.Escape(r.FailureReason ?? "unknown")}). Nothing is left behind.",
            _ => $"Not sent: {CardText.Escape(r.FailureReason ?? "unknown")}.",
        };
    }

    private static List<(string, string)> Details(ApprovalView view)
    {
        var r = view.Request;
        var facts = new List<(string, string)> { ("For", $"{CardText.Escape(view.Target.DisplayName)} ({CardText.Escape(view.Target.UserPrincipalName)})") };
        if (!view.IsForSelf) facts.Add(("Asked by", CardText.Escape(view.Requester.DisplayName)));
        facts.Add(("Reason", CardText.Escape(r.Reason)));
        facts.Add(("Code goes to", r.RecipientId == r.TargetId ? CardText.Escape(view.Target.DisplayName) : $"{CardText.Escape(view.Recipient.DisplayName)} (manager)"));
        facts.Add(("Lifetime", StatusCards.Lifetime(r.LifetimeInMinutes) + (r.IsUsableOnce ? ", one-time use" : "")));
        facts.Add(("Asked", When(r.CreatedAt)));
        return facts;
    }

    private static string? Color(RequestStatus status) => status switch
    {
        RequestStatus.Delivered => "Good",
        RequestStatus.Denied or RequestStatus.Failed => "Attention",
        RequestStatus.Expired => "Warning",
        _ => null,
    };
}
