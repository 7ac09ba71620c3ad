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
        RequestOutcome.Form f => new(RequestCards.Form(f.Value), f.Value.IsForSelf ? "Ask for a Temporary Access Pass" : $"Ask for a pass for {f.Value.Target.DisplayName}"),
        RequestOutcome.Unresolved u => PersonReplies.Unresolved(u.Lookup, PersonReplies.PickList(CardVerbs.PrepareRequest, "Next")),
        RequestOutcome.Refused r => new(LimitCards.RefusedOr(r.Message, r.Limit), "Cannot send the request"),
        RequestOutcome.Submitted s => new(RequestCards.ForRequester(s.View), "Your request"),
        _ => throw new InvalidOperationException("Unknown request outcome."),
    };

    public static CardReply Audit(AuditOutcome outcome) => outcome switch
    {
        AuditOutcome.Found f => new(AuditCards.Recent(f), $"Audit trail for {f.Person.DisplayName}"),
        AuditOutcome.Unresolved u => PersonReplies.Unresolved(u.Lookup, PersonReplies.TypeAgain("audit for")),
        AuditOutcome.Refused r => new(StatusCards.Refused(r.Message), "Audit trail"),
        _ => throw new InvalidOperationException("Unknown audit outcome."),
    };

    public static CardReply IssueForm(PrepareOutcome outcome) => outcome switch
    {
        PrepareOutcome.Form f => new(PasscodeCards.Form(f.Value), $"Issue a pass for {f.Value.Target.DisplayName}"),
        PrepareOutcome.Unresolved u => PersonReplies.Unresolved(u.Lookup, PersonReplies.PickList(CardVerbs.PrepareIssue, "Next")),
        PrepareOutcome.Refused r => new(StatusCards.Refused(r.Message), "Cannot issue a pass"),
        _ => throw new InvalidOperationException("Unknown issuance outcome."),
    };

    public static CardReply Revoke(RevokeOutcome outcome, Domain.Requester requester) => outcome switch
    {
        RevokeOutcome.Confirm c => new(PasscodeCards.ConfirmRevoke(c), $"Revoke {c.Target.DisplayName}'s pass?"),
        RevokeOutcome.ConfirmCancel c => new(EntitlementCards.ConfirmCancel(c), $"Cancel {c.Target.DisplayName}'s approved pass?"),
        RevokeOutcome.Revoked r => new(PasscodeCards.Revoked(r, requester), "Pass revoked"),
        // Kept as it answered before the shared lookup: for revoke, nobody found is a refusal, not the "Nobody found" card.
        RevokeOutcome.Unresolved { Lookup: PersonLookup.NotFound n } => new(StatusCards.Refused($"I couldn't find anyone matching “{n.Query}”."), "Cannot revoke"),
        RevokeOutcome.Unresolved u => PersonReplies.Unresolved(u.Lookup, PersonReplies.TypeAgain("revoke TAP for")),
        RevokeOutcome.Refused r => new(StatusCards.Refused(r.Message), "Cannot revoke"),
        _ => throw new InvalidOperationException("Unknown revoke outcome."),
    };

    public static CardReply Status(StatusOutcome outcome) => outcome switch
    {
        StatusOutcome.Found f => new(StatusCards.Found(f), $"TAP status for {f.Person.DisplayName}"),
        StatusOutcome.Unresolved u => PersonReplies.Unresolved(u.Lookup, PersonReplies.PickList(CardVerbs.ShowStatus, "Show status")),
        StatusOutcome.Refused r => new(StatusCards.Refused(r.Message), "TAP status"),
        _ => throw new InvalidOperationException("Unknown status outcome."),
    };
}
