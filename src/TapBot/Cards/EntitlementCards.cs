using System.Text.Json.Nodes;
using TapBot.Domain;
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
    public static string AskAgain => Texts.Get("Entitlement.AskAgain");

    /// <summary>The card posted to the recipient's 1:1 chat: no code, a Show code button carrying only the entitlement id.</summary>
    public static JsonObject Ready(PassEntitlement e) => New(
        [
            Heading(e.IsForOwner ? Texts.Get("Entitlement.ReadyTitleOwner") : Texts.Get("Entitlement.ReadyTitleOther", CardText.Escape(e.TargetName))),
            Text(e.IsForOwner
                ? Texts.Get("Entitlement.ReadyTextOwner", CardText.Escape(e.ApproverName), CardText.Escape(e.TargetUpn))
                : Texts.Get("Entitlement.ReadyTextOther", CardText.Escape(e.ApproverName), CardText.Escape(e.TargetName), CardText.Escape(e.TargetUpn))),
            Facts(
            [
                (Texts.Get("Fact.Starts"), e.StartsAt is { } s ? When(s) : Texts.Get("Entitlement.StartsOnShow")),
                (Texts.Get("Fact.Lifetime"), StatusCards.Lifetime(e.LifetimeInMinutes)),
                (Texts.Get("Fact.OneTime"), Texts.Get(e.IsUsableOnce ? "Common.Yes" : "Common.No")),
                (Texts.Get("Fact.ShowItBy"), When(e.RevealBy)),
            ]),
            Text(Texts.Get("Entitlement.ShownOnce"), subtle: true, size: "Small"),
        ],
        [Execute(Texts.Get("Button.ShowCode"), CardVerbs.ShowCode, new JsonObject { ["entitlementId"] = e.Id.ToString() }, style: "positive")]);

    /// <summary>The answer to Show code (the invoke response, seen by the clicker alone): the code, once.</summary>
    public static JsonObject Revealed(PassEntitlement e, IssuedPass pass, string securityContact)
    {
        var target = new Person(e.TargetId, e.TargetUpn, null, e.TargetName, null, true);
        var card = PasscodeCards.Delivered(target, pass, new Requester(e.ApproverId, e.ApproverName), e.RecipientId, securityContact);
        card["body"]!.AsArray().Add(Text(Texts.Get("Entitlement.RevealedNote"), size: "Small", weight: "Bolder"));
        return card;
    }

    /// <summary>What the stored card becomes once the code was shown (never the code).</summary>
    public static JsonObject Shown(PassEntitlement e) => New(
    [
        Heading(Texts.Get("Entitlement.ShownTitle")),
        Text(e.ValidUntil is { } until
            ? Texts.Get("Entitlement.ShownTextUntil", CardText.Escape(e.TargetUpn), When(e.ShownAt ?? e.CreatedAt), When(until))
            : Texts.Get("Entitlement.ShownText", CardText.Escape(e.TargetUpn), When(e.ShownAt ?? e.CreatedAt))),
        Text(AskAgain, subtle: true, size: "Small"),
    ]);

    /// <summary>A second press after the code was shown.</summary>
    public static JsonObject AlreadyShown(PassEntitlement e) => New(
    [
        Heading(Texts.Get("Entitlement.AlreadyShownTitle")),
        Text((e.ValidUntil is { } until
            ? Texts.Get("Entitlement.AlreadyShownTextUntil", When(e.ShownAt ?? e.CreatedAt), When(until))
            : Texts.Get("Entitlement.AlreadyShownText", When(e.ShownAt ?? e.CreatedAt))) + " " + AskAgain),
    ]);

    public static JsonObject Expired(PassEntitlement e) => New(
    [
        Heading(Texts.Get("Entitlement.ExpiredTitle")),
        Text(Texts.Get("Entitlement.ExpiredText", CardText.Escape(e.TargetUpn), When(e.RevealBy)) + " " + AskAgain),
    ]);

    public static JsonObject Cancelled(PassEntitlement e) => New(
    [
        Heading(Texts.Get("Entitlement.CancelledTitle")),
        Text(Texts.Get("Entitlement.CancelledText", CardText.Escape(e.TargetUpn)) + " " + AskAgain),
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
        EntitlementState.Shown => Texts.Get("Entitlement.ShownTitle"),
        EntitlementState.Expired => Texts.Get("Entitlement.ExpiredTitle"),
        EntitlementState.Cancelled => Texts.Get("Entitlement.CancelledTitle"),
        _ => Texts.Get("Entitlement.ReadyTitleOwner"),
    };

    /// <summary>What the issue form becomes (for everyone who sees it): approved, not yet shown; a Cancel before it is.</summary>
    public static JsonObject Receipt(IssueOutcome.Granted granted)
    {
        var e = granted.Entitlement;
        return New(
        [
            Heading(Texts.Get("Entitlement.ReceiptTitle", CardText.Escape(granted.Target.DisplayName))),
            Facts(
            [
                (Texts.Get("Fact.IssuedBy"), CardText.Escape(granted.IssuerName)),
                (Texts.Get("Fact.For"), CardText.Escape(granted.Target.UserPrincipalName)),
                (Texts.Get("Fact.SentTo"), Texts.Get("Receipt.Privately", CardText.Escape((granted.Recipient ?? granted.Target).DisplayName))),
                (Texts.Get("Fact.Starts"), e.StartsAt is { } s ? When(s) : Texts.Get("Entitlement.StartsWhenShown")),
                (Texts.Get("Fact.Lifetime"), StatusCards.Lifetime(e.LifetimeInMinutes)),
                (Texts.Get("Fact.OneTime"), Texts.Get(e.IsUsableOnce ? "Common.Yes" : "Common.No")),
                (Texts.Get("Fact.Status"), Texts.Get("Entitlement.StatusApproved")),
                (Texts.Get("Fact.ShowBy"), When(e.RevealBy)),
                (Texts.Get("Fact.Reason"), CardText.Escape(e.Reason)),
            ]),
            Text(Texts.Get("Entitlement.ReceiptNote"), subtle: true, size: "Small"),
        ],
        [Execute(Texts.Get("Button.CancelPass"), CardVerbs.RevokePass, new JsonObject { ["personId"] = granted.Target.Id, ["entitlementId"] = e.Id.ToString() }, style: "destructive")]);
    }

    /// <summary>"Cancel it?" for revoke when the person has an approved pass not shown yet (nothing exists in Entra).</summary>
    public static JsonObject ConfirmCancel(RevokeOutcome.ConfirmCancel confirm) => New(
        [
            Heading(Texts.Get("Entitlement.ConfirmCancelTitle", CardText.Escape(confirm.Target.DisplayName))),
            Text(Texts.Get("Entitlement.ConfirmCancelText"), subtle: true),
            Facts([(Texts.Get("Fact.ApprovedBy"), CardText.Escape(confirm.Entitlement.ApproverName)), (Texts.Get("Fact.ShowBy"), When(confirm.Entitlement.RevealBy))]),
        ],
        [
            Execute(Texts.Get("Button.CancelPass"), CardVerbs.RevokePass, new JsonObject { ["personId"] = confirm.Target.Id, ["entitlementId"] = confirm.Entitlement.Id.ToString() },
                style: "destructive"),
            Execute(Texts.Get("Button.KeepIt"), CardVerbs.Cancel),
        ]);

    /// <summary>Added to the revoke answer when unshown approvals were cancelled with it.</summary>
    public static string CancelledLine(int count) => count switch
    {
        0 => "",
        1 => " " + Texts.Get("Entitlement.CancelledOne"),
        _ => " " + Texts.Get("Entitlement.CancelledMany", count),
    };

    /// <summary>The status card's line for an approved pass not shown yet.</summary>
    public static JsonObject StatusLine(PassEntitlement e) =>
        Text(Texts.Get("Entitlement.StatusLine", CardText.Escape(e.ApproverName), When(e.RevealBy)), color: "Accent");

    /// <summary>A request's outcome line once its approval became an entitlement.</summary>
    public static string RequestOutcome(string decider, string at, Person recipient) =>
        Texts.Get("Outcome.Entitled", decider, at, CardText.Escape(recipient.DisplayName));
}
