using System.Text.Json.Nodes;
using TapBot.Domain;
using TapBot.Domain.Audit;
using TapBot.Domain.Entitlements;
using TapBot.Domain.Issuance;
using TapBot.Domain.Passes;
using TapBot.Domain.People;
using static TapBot.Cards.AdaptiveCard;

namespace TapBot.Cards;

/// <summary>
/// Reveal on demand: the recipient's card without a code (and what it becomes), the code shown once in answer to
/// Show code, the issuer's receipt, and the lines other cards borrow. Every text of the flow lives here.
/// </summary>
public static class EntitlementCards
{
    /// <summary>How a recipient asks again once a code was shown, expired or cancelled.</summary>
    public const string AskAgain = "If you still need one, type **request a TAP** here, or ask your helpdesk.";

    /// <summary>The card posted to the recipient's 1:1 chat: no code, a Show code button carrying only the entitlement id.</summary>
    public static JsonObject Ready(PassEntitlement e) => New(
        [
            Heading(e.IsForOwner ? "A Temporary Access Pass is ready for you" : $"A Temporary Access Pass for {CardText.Escape(e.TargetName)} is ready for you"),
            Text(e.IsForOwner
                ? $"{CardText.Escape(e.ApproverName)} approved it for your account ({CardText.Escape(e.TargetUpn)}). Show code when you are ready to sign in: the pass is created at that moment."
                : $"{CardText.Escape(e.ApproverName)} approved it for {CardText.Escape(e.TargetName)}'s account ({CardText.Escape(e.TargetUpn)}), to hand over to them. " +
                  "Show code when they are ready to sign in, then give it only to them, in person or on a call after checking it is really them."),
            Facts(
            [
                ("Starts", e.StartsAt is { } s ? When(s) : "When you show the code"),
                ("Lifetime", StatusCards.Lifetime(e.LifetimeInMinutes)),
                ("One-time use", e.IsUsableOnce ? "Yes" : "No"),
                ("Show it by", When(e.RevealBy)),
            ]),
            Text("The code is shown once, only to you, and is never posted in this chat.", subtle: true, size: "Small"),
        ],
        [Execute("Show code", CardVerbs.ShowCode, new JsonObject { ["entitlementId"] = e.Id.ToString() }, style: "positive")]);

    /// <summary>The answer to Show code (the invoke response, seen by the clicker alone): the code, once.</summary>
    public static JsonObject Revealed(PassEntitlement e, IssuedPass pass, string securityContact)
    {
        var target = new Person(e.TargetId, e.TargetUpn, null, e.TargetName, null, true);
        var card = PasscodeCards.Delivered(target, pass, new Requester(e.ApproverId, e.ApproverName), e.RecipientId, securityContact);
        card["body"]!.AsArray().Add(Text("This code is shown only now, only to you: TapBot keeps no copy and will not show it again. " +
                                         "Note it or keep this open until you have signed in.", size: "Small", weight: "Bolder"));
        return card;
    }

    /// <summary>What the stored card becomes once the code was shown (never the code).</summary>
    public static JsonObject Shown(PassEntitlement e) => New(
    [
        Heading("Temporary Access Pass shown"),
        Text($"The code for {CardText.Escape(e.TargetUpn)} was shown at {When(e.ShownAt ?? e.CreatedAt)}" +
             (e.ValidUntil is { } until ? $" and is valid until {When(until)}." : ".") + " It is not kept anywhere, so it cannot be shown again."),
        Text(AskAgain, subtle: true, size: "Small"),
    ]);

    /// <summary>A second press after the code was shown.</summary>
    public static JsonObject AlreadyShown(PassEntitlement e) => New(
    [
        Heading("This code was already shown"),
        Text($"It was shown at {When(e.ShownAt ?? e.CreatedAt)}" + (e.ValidUntil is { } until ? $" and is valid until {When(until)}" : "") +
             ". TapBot keeps no copy, so it cannot be shown again. " + AskAgain),
    ]);

    public static JsonObject Expired(PassEntitlement e) => New(
    [
        Heading("Temporary Access Pass expired unshown"),
        Text($"The code for {CardText.Escape(e.TargetUpn)} was not shown by {When(e.RevealBy)}, so no pass was created. " + AskAgain),
    ]);

    public static JsonObject Cancelled(PassEntitlement e) => New(
    [
        Heading("Temporary Access Pass cancelled"),
        Text($"The pass approved for {CardText.Escape(e.TargetUpn)} was cancelled before its code was shown, so no pass was created. " + AskAgain),
    ]);

    /// <summary>The card for an entitlement's state, as the stored message should read (never a code).</summary>
    public static JsonObject ForState(PassEntitlement e) => e.State switch
    {
        EntitlementState.Shown => Shown(e),
        EntitlementState.Expired => Expired(e),
        EntitlementState.Cancelled => Cancelled(e),
        _ => Ready(e),
    };

    /// <summary>The answer to a click on a card whose entitlement is closed.</summary>
    public static JsonObject Closed(PassEntitlement e) => e.State == EntitlementState.Shown ? AlreadyShown(e) : ForState(e);

    public static string Summary(PassEntitlement e) => e.State switch
    {
        EntitlementState.Shown => "Temporary Access Pass shown",
        EntitlementState.Expired => "Temporary Access Pass expired unshown",
        EntitlementState.Cancelled => "Temporary Access Pass cancelled",
        _ => "A Temporary Access Pass is ready for you",
    };

    /// <summary>What the issue form becomes (for everyone who sees it): approved, not yet shown; a Cancel before it is.</summary>
    public static JsonObject Receipt(IssueOutcome.Granted granted)
    {
        var e = granted.Entitlement;
        return New(
        [
            Heading($"Temporary Access Pass approved for {CardText.Escape(granted.Target.DisplayName)}"),
            Facts(
            [
                ("Issued by", CardText.Escape(granted.IssuerName)),
                ("For", CardText.Escape(granted.Target.UserPrincipalName)),
                ("Sent to", $"{CardText.Escape((granted.Recipient ?? granted.Target).DisplayName)}, privately"),
                ("Starts", e.StartsAt is { } s ? When(s) : "When the code is shown"),
                ("Lifetime", StatusCards.Lifetime(e.LifetimeInMinutes)),
                ("One-time use", e.IsUsableOnce ? "Yes" : "No"),
                ("Status", "Approved, not yet shown"),
                ("Show by", When(e.RevealBy)),
                ("Reason", CardText.Escape(e.Reason)),
            ]),
            Text("No pass exists yet: it is created when the recipient presses Show code in their own chat with TapBot, and only they see the code.",
                subtle: true, size: "Small"),
        ],
        [Execute("Cancel pass", CardVerbs.RevokePass, new JsonObject { ["personId"] = granted.Target.Id, ["entitlementId"] = e.Id.ToString() }, style: "destructive")]);
    }

    /// <summary>"Cancel it?" for revoke when the person has an approved pass not shown yet (nothing exists in Entra).</summary>
    public static JsonObject ConfirmCancel(RevokeOutcome.ConfirmCancel confirm) => New(
        [
            Heading($"Cancel {CardText.Escape(confirm.Target.DisplayName)}'s approved Temporary Access Pass?"),
            Text("It was approved but its code has not been shown, so no pass exists yet. Cancelling means it never will.", subtle: true),
            Facts([("Approved by", CardText.Escape(confirm.Entitlement.ApproverName)), ("Show by", When(confirm.Entitlement.RevealBy))]),
        ],
        [
            Execute("Cancel pass", CardVerbs.RevokePass, new JsonObject { ["personId"] = confirm.Target.Id, ["entitlementId"] = confirm.Entitlement.Id.ToString() },
                style: "destructive"),
            Execute("Keep it", CardVerbs.Cancel),
        ]);

    /// <summary>Added to the revoke answer when unshown approvals were cancelled with it.</summary>
    public static string CancelledLine(int count) => count switch
    {
        0 => "",
        1 => " The approved pass that was not shown yet is cancelled.",
        _ => $" {count} approved passes that were not shown yet are cancelled.",
    };

    /// <summary>The status card's line for an approved pass not shown yet.</summary>
    public static JsonObject StatusLine(PassEntitlement e) =>
        Text($"**Approved, not yet shown**: approved by {CardText.Escape(e.ApproverName)}; the code can be shown until {When(e.RevealBy)}.", color: "Accent");

    /// <summary>Plain words for the reveal's audit events (the audit card), or null for another kind.</summary>
    public static string? AuditWords(string kind) => kind switch
    {
        AuditKinds.EntitlementGranted => "pass approved, code not yet shown",
        AuditKinds.EntitlementShown => "code shown to its recipient (pass created)",
        AuditKinds.EntitlementExpired => "approved pass expired unshown",
        AuditKinds.EntitlementCancelled => "approved pass cancelled before it was shown",
        AuditKinds.RevealRefused => "show code refused",
        AuditKinds.RevealFailed => "show code failed",
        AuditKinds.RevealRecovered => "interrupted show code undone (its pass deleted)",
        _ => null,
    };

    /// <summary>A request's outcome line once its approval became an entitlement.</summary>
    public static string RequestOutcome(string decider, string at, Person recipient) =>
        $"Approved by {decider} at {at} — sent to {CardText.Escape(recipient.DisplayName)}, privately, to show when ready.";
}
