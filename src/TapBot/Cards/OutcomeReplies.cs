using TapBot.Domain.Approvals;
using TapBot.Domain.Audit;
using TapBot.Domain.Issuance;
using TapBot.Domain.People;
using TapBot.Domain.Status;

namespace TapBot.Cards;

/// <summary>The card for each outcome of a domain question, shared by chat commands and the card actions that ask it again.</summary>
public static class OutcomeReplies
{
    public static CardReply Request(RequestOutcome outcome) => outcome switch
    {
        RequestOutcome.Form f => new(RequestCards.Form(f.Value), f.Value.IsForSelf ? Texts.Get("Summary.AskForPass") : Texts.Get("Summary.AskForPassFor", f.Value.Target.DisplayName)),
        RequestOutcome.Unresolved u => PersonReplies.Unresolved(u.Lookup, PersonReplies.PickList(CardVerbs.PrepareRequest, Texts.Get("Button.Next"))),
        RequestOutcome.Refused r => new(LimitCards.RefusedOr(Texts.Refusal(r.Code, r.Args, r.Message), r.Limit), Texts.Get("Summary.CannotSendRequest")),
        RequestOutcome.Submitted s => new(RequestCards.ForRequester(s.View), Texts.Get("Summary.YourRequest")),
        _ => throw new InvalidOperationException("Unknown request outcome."),
    };

    public static CardReply Audit(AuditOutcome outcome) => outcome switch
    {
        AuditOutcome.Found f => new(AuditCards.Recent(f), Texts.Get("Summary.AuditFor", f.Person.DisplayName)),
        AuditOutcome.Unresolved u => PersonReplies.Unresolved(u.Lookup, PersonReplies.TypeAgain("audit for")),
        AuditOutcome.Refused r => new(StatusCards.Refused(Texts.Refusal(r.Code, r.Args, r.Message)), Texts.Get("Summary.Audit")),
        _ => throw new InvalidOperationException("Unknown audit outcome."),
    };

    public static CardReply IssueForm(PrepareOutcome outcome) => outcome switch
    {
        PrepareOutcome.Form f => new(PasscodeCards.Form(f.Value), Texts.Get("Summary.IssueFor", f.Value.Target.DisplayName)),
        PrepareOutcome.Unresolved u => PersonReplies.Unresolved(u.Lookup, PersonReplies.PickList(CardVerbs.PrepareIssue, Texts.Get("Button.Next"))),
        PrepareOutcome.Refused r => new(StatusCards.Refused(Texts.Refusal(r.Code, r.Args, r.Message)), Texts.Get("Summary.CannotIssue")),
        _ => throw new InvalidOperationException("Unknown issuance outcome."),
    };

    public static CardReply Revoke(RevokeOutcome outcome, Domain.Requester requester) => outcome switch
    {
        RevokeOutcome.Confirm c => new(PasscodeCards.ConfirmRevoke(c), Texts.Get("Summary.RevokeQuestion", c.Target.DisplayName)),
        RevokeOutcome.ConfirmCancel c => new(EntitlementCards.ConfirmCancel(c), Texts.Get("Summary.CancelApproved", c.Target.DisplayName)),
        RevokeOutcome.Revoked r => new(PasscodeCards.Revoked(r, requester), Texts.Get("Summary.Revoked")),
        // Kept as it answered before the shared lookup: for revoke, nobody found is a refusal, not the "Nobody found" card.
        RevokeOutcome.Unresolved { Lookup: PersonLookup.NotFound n } => new(StatusCards.Refused(Texts.Get("Revoke.NobodyFound", n.Query)), Texts.Get("Summary.CannotRevoke")),
        RevokeOutcome.Unresolved u => PersonReplies.Unresolved(u.Lookup, PersonReplies.TypeAgain("revoke TAP for")),
        RevokeOutcome.Refused r => new(StatusCards.Refused(Texts.Refusal(r.Code, r.Args, r.Message)), Texts.Get("Summary.CannotRevoke")),
        _ => throw new InvalidOperationException("Unknown revoke outcome."),
    };

    public static CardReply Status(StatusOutcome outcome) => outcome switch
    {
        StatusOutcome.Found f => new(StatusCards.Found(f), Texts.Get("Summary.StatusFor", f.Person.DisplayName)),
        StatusOutcome.Unresolved u => PersonReplies.Unresolved(u.Lookup, PersonReplies.PickList(CardVerbs.ShowStatus, Texts.Get("Button.ShowStatus"))),
        StatusOutcome.Refused r => new(StatusCards.Refused(Texts.Refusal(r.Code, r.Args, r.Message)), Texts.Get("Summary.Status")),
        _ => throw new InvalidOperationException("Unknown status outcome."),
    };
}
