using System.Text.Json.Nodes;
using TapBot.Cards;
using TapBot.Domain.Entitlements;
using TapBot.Domain.Issuance;
using TapBot.Domain.Limits;
using TapBot.Domain.People;
using TapBot.Domain.Requests;
using TapBot.Domain.Ports;
using TapBot.Domain.Refusals;
using TapBot.Domain.Roles;
using TapBot.Domain.Status;

namespace TapBot.CardTests;

/// <summary>
/// Every card TapBot can send, one entry per card and state, built by the real builders from <see cref="Samples"/>.
/// A new card is one line here; then <c>UPDATE_GOLDEN=1 dotnet test tests/TapBot.CardTests</c> writes its golden file,
/// and the validation and injection tests pick it up by themselves.
/// </summary>
public static class CardCatalog
{
    private static readonly Dictionary<string, Func<Samples, JsonObject>> Entries = new()
    {
        { "help", _ => HelpCard.Build() },
        { "help-with-intro", _ => HelpCard.Build("Sorry, I didn't understand that. Here is what I can do:") },
        { "help-welcome", s => HelpCard.Build($"Hi {CardText.Escape(s.Megan.DisplayName)}! I'm TapBot.") }, // as TapActivityHandler greets

        { "status-no-pass", s => StatusCards.Found(new(s.Adele, null, Samples.Now)) },
        { "status-usable", s => StatusCards.Found(new(s.Adele, Samples.Usable, Samples.Now)) },
        { "status-expired", s => StatusCards.Found(new(s.Adele, Samples.Expired, Samples.Now)) },
        { "status-not-yet-valid", s => StatusCards.Found(new(s.Adele, Samples.NotYetValid, Samples.Now)) },
        { "status-used-account-disabled", s => StatusCards.Found(new(s.Adele with { AccountEnabled = false }, Samples.Used, Samples.Now)) },
        { "status-pick-person", s => StatusCards.PickPerson(new(s.Query, [s.Alex, s.Alexandra])) },
        { "status-not-found", s => StatusCards.NotFound(new(s.Query)) },
        { "refused", s => StatusCards.Refused(Texts.Refusal(Refuse.AdminRole(s.Adele, Refuse.PrivilegedAct(PrivilegedAction.Issue)))) },

        { "issue-pick-person", s => Reply(OutcomeReplies.IssueForm(new PrepareOutcome.Unresolved(new PersonLookup.Ambiguous(s.Query, [s.Alex, s.Alexandra])))) },
        { "issue-form", s => PasscodeCards.Form(s.Form(s.Adele)) },
        { "issue-form-one-time-forced", s => PasscodeCards.Form(s.Form(s.Adele, oneTimeForced: true)) },
        { "issue-form-with-warnings", s => PasscodeCards.Form(s.Form(s.Lynne, warnings: s.Warnings(s.Lynne))) },
        { "issue-receipt", s => PasscodeCards.Receipt(new(s.Request(), s.Adele, s.Megan.DisplayName)) },
        { "issue-receipt-no-pass-id", s => PasscodeCards.Receipt(new(s.Request(issued: false), s.Adele, s.Megan.DisplayName)) },

        { "issue-form-all-recipients-and-start", s => PasscodeCards.Form(s.FullForm(s.Adele)) },
        { "issue-form-refused-kept", s => PasscodeCards.Form(s.FullForm(s.Adele), new FormEntries("The start is in the past. Choose a later date and time, or start now.")
            { Lifetime = "120", OneTime = false, StartDate = "2026-01-05", StartTime = "08:30", Recipient = RecipientKind.Manager, Reason = "INC-4711, verified by phone" }) },
        { "issue-form-reason-optional", s => PasscodeCards.Form(s.Form(s.Adele) with { ReasonRequired = false }) },
        { "passcode-delivered", s => PasscodeCards.Delivered(s.Adele, Samples.Delivered(Samples.Usable), s.Issuer, s.Adele.Id, "your IT security team") },
        { "passcode-delivered-reusable", s => PasscodeCards.Delivered(s.Adele, Samples.Delivered(Samples.Reusable), s.Issuer, s.Adele.Id, "your IT security team") },
        { "passcode-delivered-to-manager", s => PasscodeCards.Delivered(s.Adele, Samples.Delivered(Samples.Usable), s.Issuer, s.Megan.Id, "your IT security team") },
        { "owner-notice", s => PasscodeCards.OwnerNotice(s.Notice()) },

        { "request-form-self", s => RequestCards.Form(s.RequestForm(forSelf: true)) },
        { "request-form-on-behalf", s => RequestCards.Form(s.RequestForm(forSelf: false)) },
        { "request-form-refused-kept", s => RequestCards.Form(s.RequestForm(forSelf: false), new FormEntries("The reason must be a ticket number in your organization's format.")
            { Recipient = RecipientKind.Manager, Reason = "caller verified" }) },
        { "approval-pending-manager", s => RequestCards.Approval(s.Approval(RequestStatus.Pending), withButtons: true, ["29:megan"]) },
        { "approval-pending-channel", s => RequestCards.Approval(s.Approval(RequestStatus.Pending, onBehalf: true), withButtons: false, ["29:megan", "29:pradeep"]) },
        { "approval-deny-needs-reason", s => RequestCards.Approval(s.Approval(RequestStatus.Pending), withButtons: true, [], Texts.Refusal(ReasonRules.DenialProblem("")!)) },
        { "approval-approved", s => RequestCards.Approval(s.Approval(RequestStatus.Delivered), withButtons: false, []) },
        { "approval-denied", s => RequestCards.Approval(s.Approval(RequestStatus.Denied), withButtons: false, []) },
        { "approval-expired", s => RequestCards.Approval(s.Approval(RequestStatus.Expired), withButtons: false, []) },
        { "approval-failed", s => RequestCards.Approval(s.Approval(RequestStatus.Failed), withButtons: false, [], Texts.Refusal(Refuse.CardNotPosted(s.Adele))) },
        { "request-requester-pending", s => RequestCards.ForRequester(s.Approval(RequestStatus.Pending)) },
        { "request-requester-approved", s => RequestCards.ForRequester(s.Approval(RequestStatus.Delivered)) },
        { "request-requester-denied", s => RequestCards.ForRequester(s.Approval(RequestStatus.Denied)) },
        { "request-reminder", s => RequestCards.Reminder(s.Approval(RequestStatus.Pending)) },
        { "audit-trail", s => AuditCards.Recent(s.Audit()) },
        { "audit-trail-empty", s => AuditCards.Recent(s.Audit(empty: true)) },
        { "passcode-redacted-revoked", _ => PasscodeCards.Redacted("revoked") },
        { "passcode-redacted-expired", _ => PasscodeCards.Redacted("expired") },
        { "passcode-redacted-used", _ => PasscodeCards.Redacted("used") },
        { "passcode-redacted-removed", _ => PasscodeCards.Redacted("removed") },

        { "revoke-confirm", s => PasscodeCards.ConfirmRevoke(new(s.Adele, Samples.Usable)) },
        { "revoke-ambiguous", s => Reply(OutcomeReplies.Revoke(new RevokeOutcome.Unresolved(new PersonLookup.Ambiguous(s.Query, [s.Alex, s.Alexandra])), s.Issuer)) },
        { "revoked", s => PasscodeCards.Revoked(new(s.Adele, CardRedacted: false), s.Issuer) },
        { "revoked-card-redacted", s => PasscodeCards.Revoked(new(s.Adele, CardRedacted: true), s.Issuer) },

        { "entitlement-ready", s => EntitlementCards.Ready(s.Entitlement(EntitlementState.Ready)) },
        { "entitlement-ready-to-manager", s => EntitlementCards.Ready(s.Entitlement(EntitlementState.Ready, toManager: true)) },
        { "entitlement-ready-scheduled", s => EntitlementCards.Ready(s.Entitlement(EntitlementState.Ready, scheduled: true)) },
        { "entitlement-revealed", s => EntitlementCards.Revealed(s.Entitlement(EntitlementState.Shown), Samples.Delivered(Samples.Usable), "your IT security team") },
        { "entitlement-shown", s => EntitlementCards.Shown(s.Entitlement(EntitlementState.Shown)) },
        { "entitlement-already-shown", s => EntitlementCards.AlreadyShown(s.Entitlement(EntitlementState.Shown)) },
        { "entitlement-expired", s => EntitlementCards.Expired(s.Entitlement(EntitlementState.Expired)) },
        { "entitlement-cancelled", s => EntitlementCards.Cancelled(s.Entitlement(EntitlementState.Cancelled)) },
        { "entitlement-receipt", s => EntitlementCards.Receipt(s.Granted()) },
        { "entitlement-confirm-cancel", s => EntitlementCards.ConfirmCancel(new(s.Adele, s.Entitlement(EntitlementState.Ready))) },
        { "entitlement-status-approved-not-shown", s => StatusCards.Found(s.StatusWithUnshown()) },
        { "entitlement-approval-approved", s => RequestCards.Approval(s.ApprovalEntitled(), withButtons: false, []) },
        { "revoked-entitlement-cancelled", s => PasscodeCards.Revoked(new(s.Adele, CardRedacted: false) { EntitlementsCancelled = 1 }, s.Issuer) },

        { "policy-on", _ => PolicyCard.Build(Samples.Policy, Samples.Now) },
        { "policy-on-groups-one-time", _ => PolicyCard.Build(Samples.PolicyForGroups, Samples.Now) },
        { "policy-off", _ => PolicyCard.Build(Samples.PolicyOff, Samples.Now) },

        { "limit-passes-per-person", s => LimitCards.Refused(new(LimitKind.PassesPerPerson, 3, new DateTimeOffset(Samples.Now.Date.AddDays(1), TimeSpan.Zero), s.Adele.DisplayName)) },
        { "limit-issuances-per-approver", _ => LimitCards.Refused(new(LimitKind.IssuancesPerApprover, 20, Samples.Now.AddMinutes(45))) },
        { "limit-open-requests", _ => LimitCards.Refused(new(LimitKind.OpenRequestsPerOperator, 10, null)) },
        { "limit-requests-own", _ => LimitCards.Refused(new(LimitKind.RequestsPerPerson, 3, new DateTimeOffset(Samples.Now.Date.AddDays(1), TimeSpan.Zero))) },
        { "limit-requests-on-behalf", s => LimitCards.Refused(new(LimitKind.RequestsPerPerson, 3, new DateTimeOffset(Samples.Now.Date.AddDays(1), TimeSpan.Zero), s.Lynne.DisplayName)) },
        { "limit-paused", _ => LimitCards.Paused(new(LimitKind.RefusedCommands, 20, Samples.Now.AddMinutes(5))) },
        { "security-alert", s => LimitCards.Alert(new(LimitKind.PassesPerPerson, 3, s.Megan.Id, s.Megan.DisplayName, s.Adele.DisplayName, Samples.Now, new DateTimeOffset(Samples.Now.Date.AddDays(1), TimeSpan.Zero))) },
        { "security-alert-refused-commands", s => LimitCards.Alert(new(LimitKind.RefusedCommands, 20, s.Alex.Id, s.Alex.DisplayName, null, Samples.Now, Samples.Now.AddMinutes(5))) },
        { "security-alert-open-requests", s => LimitCards.Alert(new(LimitKind.OpenRequestsPerOperator, 10, s.Lynne.Id, s.Lynne.DisplayName, null, Samples.Now, null)) },

        { "problem-throttled", _ => ProblemCards.Directory(new EntraException(EntraFailure.Throttled, "429")) },
        { "problem-unavailable", _ => ProblemCards.Directory(new EntraException(EntraFailure.Unavailable, "503")) },
        { "problem-access-denied", _ => ProblemCards.Directory(new EntraException(EntraFailure.AccessDenied, "403")) },
        { "problem-rejected", _ => ProblemCards.Directory(new EntraException(EntraFailure.Rejected, "400")) },
    };

    public static IEnumerable<string> Names => Entries.Keys.Order(StringComparer.Ordinal);

    /// <summary>The card as TapBot sends it, from realistic data.</summary>
    public static JsonObject Build(string name) => Build(name, Samples.Realistic);

    public static JsonObject Build(string name, Samples samples) => Entries[name](samples);

    /// <summary>For cards that only exist inside a reply (the command answers word some cards themselves).</summary>
    private static JsonObject Reply(CardReply reply) => reply.Card;
}
