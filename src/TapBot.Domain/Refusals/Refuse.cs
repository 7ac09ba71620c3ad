using TapBot.Domain.People;

namespace TapBot.Domain.Refusals;

/// <summary>
/// The Domain's refusals, one method each: the code, its facts and the English sentence together, so the English
/// lives in one place and the host's <c>Refusal.&lt;Code&gt;</c> texts translate exactly these.
/// </summary>
public static class Refuse
{
    public static Refusal NotApproverToIssue() => new("NotApproverToIssue", [],
        "Only TAP approvers can issue a Temporary Access Pass. If someone needs one, ask an approver, or the person can ask for recovery help.");

    public static Refusal NotApproverToRevoke() => new("NotApproverToRevoke", [], "Only TAP approvers can revoke a Temporary Access Pass.");

    public static Refusal PersonGone() => new("PersonGone", [], "That person is no longer in the directory.");

    public static Refusal PersonMissing() => new("PersonMissing", [], "Tell me who you mean: a UPN such as adele@contoso.com, a mail address or a display name.");

    public static Refusal PersonTooLong(int length, int max) => new("PersonTooLong", [length, max],
        $"That name is too long to be a person ({length} characters; the most is {max}).");

    public static Refusal PersonNotAName() => new("PersonNotAName", [],
        "That doesn't look like a name or an address. Use letters, digits, spaces and . ' - _ @ + only.");

    public static Refusal SelfIssue() => new("SelfIssue", [],
        "You can't issue a Temporary Access Pass for yourself. Ask another approver, or ask for recovery help.");

    public static Refusal AccountDisabled(Person target) => new("AccountDisabled", [target.DisplayName],
        $"{target.DisplayName}'s account is disabled, so they cannot get a pass.");

    public static Refusal ExternalGuest(Person target) => new("ExternalGuest", [target.DisplayName],
        $"{target.DisplayName} is an external guest; Entra gives passes to members and internal guests only.");

    public static Refusal PolicyOff() => new("PolicyOff", [],
        "The tenant's Temporary Access Pass policy is off, so no pass can be issued. An administrator can enable it in the Entra admin center.");

    public static Refusal OutsidePolicy(Person target) => new("OutsidePolicy", [target.DisplayName],
        $"{target.DisplayName} is outside the tenant's Temporary Access Pass policy (not included, or excluded).");

    public static Refusal Unreachable(Person recipient) => new("Unreachable", [recipient.DisplayName],
        $"{recipient.DisplayName} has never opened a chat with TapBot and TapBot could not start one, so the code could not reach them privately. " +
        "Ask them to open TapBot in Teams once (or install it for them), then try again. Nothing was created.");

    /// <summary>What only a privileged approver may do, as a phrase the privileged refusals put in their sentence.</summary>
    public static Refusal PrivilegedAct(Roles.PrivilegedAction action) => action switch
    {
        Roles.PrivilegedAction.Issue => new("Act.Issue", [], "issue them a pass"),
        Roles.PrivilegedAction.Revoke => new("Act.Revoke", [], "revoke their pass"),
        _ => new("Act.Decide", [], "decide this request"),
    };

    public static Refusal AdminRole(Person target, Refusal what) => new("AdminRole", [target.DisplayName, what],
        $"{target.DisplayName} holds an administrator role; only a privileged approver can {what}.");

    public static Refusal EligibleRole(Person target, Refusal what) => new("EligibleRole", [target.DisplayName, what],
        $"{target.DisplayName} is eligible for an administrator role in Privileged Identity Management (a pass could activate it); only a privileged approver can {what}.");

    public static Refusal RoleAssignableGroup(Person target, Refusal what) => new("RoleAssignableGroup", [target.DisplayName, what],
        $"{target.DisplayName} is in a role-assignable group; only a privileged approver can {what}.");

    public static Refusal TapBotApprover(Person target, Refusal what) => new("TapBotApprover", [target.DisplayName, what],
        $"{target.DisplayName} is a TapBot approver; only a privileged approver can {what}.");

    public static Refusal PrivilegeUnreadable(Person target, string permission, Refusal what) => new("PrivilegeUnreadable", [target.DisplayName, permission, what],
        $"TapBot can't tell whether {target.DisplayName} is an administrator because its Graph app lacks the {permission} permission, so only a privileged approver can {what}; an administrator can grant it (see the deployment guide, or run doctor).");

    public static Refusal PrivilegeUnknown(Person target, Refusal what) => new("PrivilegeUnknown", [target.DisplayName, what],
        $"TapBot couldn't read everything that shows whether {target.DisplayName} is an administrator, so only a privileged approver can {what}.");

    public static Refusal SelfNotInDirectory() => new("SelfNotInDirectory", [], "I can't find your account in this tenant's directory.");

    public static Refusal StatusOfOthers() => new("StatusOfOthers", [],
        "Only helpdesk operators, approvers and auditors can see someone else's TAP status. " +
        "You can always ask for your own: type **my TAP status**.");

    public static Refusal AuditNotAllowed() => new("AuditNotAllowed", [], "Only TAP approvers and auditors can read the audit trail.");

    public static Refusal NothingToRevoke(Person person) => new("NothingToRevoke", [person.DisplayName],
        $"{person.DisplayName} has no Temporary Access Pass to revoke.");

    public static Refusal PassChanged(Person person) => new("PassChanged", [person.DisplayName, person.UserPrincipalName],
        $"{person.DisplayName}'s pass changed since this card was shown (it was replaced or already removed). Look again with **TAP status for {person.UserPrincipalName}**.");

    public static Refusal ApprovalGone() => new("ApprovalGone", [], "This approval no longer exists.");

    public static Refusal ApprovalNotWaiting(Person person) => new("ApprovalNotWaiting", [person.DisplayName, person.UserPrincipalName],
        $"{person.DisplayName}'s approved pass is no longer waiting to be shown (it was shown, expired or cancelled). " +
        $"Look again with **TAP status for {person.UserPrincipalName}**.");

    public static Refusal SelfNotFound() => new("SelfNotFound", [], "I couldn't find your account in the directory.");

    public static Refusal PersonNotInDirectory() => new("PersonNotInDirectory", [], "That person is not in the directory.");

    public static Refusal RequestForOthers() => new("RequestForOthers", [],
        "Only helpdesk operators can ask for a pass for someone else. You can ask for recovery help for your own account.");

    /// <summary>A refusal about the requester's own account: nothing they can fix themselves, so the helpdesk.</summary>
    public static Refusal ContactHelpdesk(Refusal refusal) => new("ContactHelpdesk", [refusal], refusal.Message + " Please contact your helpdesk.");

    public static Refusal RequestRecipient() => new("RequestRecipient", [], "A request's code goes to the person or their manager.");

    public static Refusal RequestPending(DateTimeOffset decideBy) => new("RequestPending", [decideBy],
        $"A request for this account is already waiting for a decision (until {decideBy:u}). You'll hear as soon as it is decided.");

    public static Refusal NoApproverReached() => new("NoApproverReached", [],
        "TapBot could not reach any approver right now, so the request was not sent. Please try again, or contact your helpdesk.");

    /// <summary>A rule about the person, met when approving a request.</summary>
    public static Refusal DenyOrFix(Refusal refusal) => new("DenyOrFix", [refusal], refusal.Message + " Deny the request, or fix this first.");

    /// <summary>A refusal met when deciding: nothing changed.</summary>
    public static Refusal NothingDecided(Refusal refusal) => new("NothingDecided", [refusal], refusal.Message + " Nothing was decided.");

    public static Refusal RecipientGone() => new("RecipientGone", [],
        "The person who would receive the code is no longer in the directory or is disabled. Deny the request.");

    public static Refusal RequestGone() => new("RequestGone", [], "This request no longer exists.");

    public static Refusal OwnRequest() => new("OwnRequest", [], "You made this request, so someone else must decide it.");

    public static Refusal OwnAccount() => new("OwnAccount", [], "This request is for your own account, so someone else must decide it.");

    public static Refusal NotDecider() => new("NotDecider", [], "Only TAP approvers can decide this request.");

    public static Refusal NotDeciderNorManager(Person target) => new("NotDeciderNorManager", [target.DisplayName],
        $"Only TAP approvers or {target.DisplayName}'s manager can decide this request.");

    public static Refusal PassGone() => new("PassGone", [], "This pass no longer exists. Ask for a new one: type **request a TAP**, or ask your helpdesk.");

    public static Refusal NotRecipient() => new("NotRecipient", [], "Only the person this pass was sent to can show its code.");

    public static Refusal BeingShown() => new("BeingShown", [],
        "This code is being shown right now. If nothing appears, wait a few minutes and press Show code again.");

    public static Refusal TookTooLong() => new("TookTooLong", [],
        "Showing the code took too long, so TapBot took the pass back; nothing usable is left behind. Press Show code again.");

    public static Refusal AccountGone() => new("AccountGone", [], "This account is no longer in the directory, so no pass can be created.");

    public static Refusal ApproverNoLonger(string approverName) => new("ApproverNoLonger", [approverName],
        $"{approverName}, who approved this pass, is no longer a TAP approver, so it can't be created. Ask for a new one: type **request a TAP**, or ask your helpdesk.");

    /// <summary>A rule about the person or the approver, read again at Show code.</summary>
    public static Refusal CannotCreateNow(Refusal refusal) => new("CannotCreateNow", [refusal], "TapBot can't create this pass now: " + refusal.Message);

    /// <summary>Entra could not create the pass at Show code: the entitlement is still there.</summary>
    public static Refusal ShowAgainLater(Refusal refusal) => new("ShowAgainLater", [refusal], refusal.Message + " Press Show code again in a minute.");

    public static Refusal GrantTakenOver() => new("GrantTakenOver", [],
        "This approval was taken over by another step (recovery or another click), so nothing was granted. Please try again.");

    public static Refusal CardNotPosted(Person recipient) => new("CardNotPosted", [recipient.DisplayName],
        $"The card could not reach {recipient.DisplayName} privately, so nothing was granted. Nothing is left behind.");

    public static Refusal NotDelivered(Person recipient) => new("NotDelivered", [recipient.DisplayName],
        $"The code could not be delivered to {recipient.DisplayName} privately, so the pass was deleted again. Nothing is left behind.");

    public static Refusal GraphThrottled() => new("GraphThrottled", [],
        "Microsoft Entra is busy right now and asked me to slow down. No pass was created; please try again in a minute.");

    public static Refusal GraphUnavailable() => new("GraphUnavailable", [], "I couldn't reach Microsoft Entra. No pass was created; please try again in a minute.");

    public static Refusal GraphAccessDenied() => new("GraphAccessDenied", [],
        "Microsoft Entra refused: TapBot's app may not create passes for this person. No pass was created. An admin can run doctor to check TapBot's permissions.");

    /// <param name="graphMessage">Entra's own words (English), passed on as they came.</param>
    public static Refusal GraphLifetime(string graphMessage) => new("GraphLifetime", [graphMessage],
        "Microsoft Entra refused the lifetime: " + graphMessage + " No pass was created.");

    public static Refusal GraphPolicy() => new("GraphPolicy", [],
        "Microsoft Entra's policy does not allow a pass for this person (the policy may have just changed). No pass was created.");

    public static Refusal GraphRefused() => new("GraphRefused", [], "Microsoft Entra refused to create the pass. No pass was created.");

    public static Refusal RecipientNotAllowed(Issuance.RecipientKind kind, Person target)
    {
        Refusal to = kind switch
        {
            Issuance.RecipientKind.Person => new("To.Person", [target.DisplayName], target.DisplayName),
            Issuance.RecipientKind.Manager => new("To.Manager", [target.DisplayName], $"{target.DisplayName}'s manager"),
            _ => new("To.You", [], "you"),
        };
        return new("RecipientNotAllowed", [to], $"Your organization does not allow sending the code to {to} (Issuance:AllowedRecipients).");
    }

    public static Refusal NoManager(Person target) => new("NoManager", [target.DisplayName],
        $"{target.DisplayName} has no manager in the directory, so the code cannot go to their manager.");

    public static Refusal ManagerDisabled(Person target, Person manager) => new("ManagerDisabled", [target.DisplayName, manager.DisplayName],
        $"{target.DisplayName}'s manager ({manager.DisplayName}) has a disabled account.");

    public static Refusal ManagerExternal(Person target, Person manager) => new("ManagerExternal", [target.DisplayName, manager.DisplayName],
        $"{target.DisplayName}'s manager ({manager.DisplayName}) is an external guest; the code stays inside the organization.");

    public static Refusal UnknownRecipient() => new("UnknownRecipient", [], "That recipient is not one TapBot knows.");

    /// <summary>No manager who may approve (when managers may) and no approvers' channel.</summary>
    public static Refusal NobodyToAsk(bool forSelf, bool managersMayApprove, Person target)
    {
        var message = (forSelf ? "There is nobody TapBot can ask to approve your request: " : $"There is nobody TapBot can ask to approve a pass for {target.DisplayName}: ") +
            (managersMayApprove ? "no manager who may approve is set in the directory, and " : "") +
            "no approvers' channel is set up (an approver types **@TapBot use this channel for TAP approvals** in a channel). Please contact your helpdesk.";
        var code = (forSelf ? "NobodyToAskOwn" : "NobodyToAskFor") + (managersMayApprove ? "NoManager" : "");
        return new(code, forSelf ? [] : [target.DisplayName], message);
    }

    public static Refusal FormUsedIssued() => new("FormUsedIssued", [], "This form was already used; the pass was issued.");

    public static Refusal FormUsedEntitled() => new("FormUsedEntitled", [],
        "This form was already used: the pass was approved, and its recipient creates it with Show code in their chat with TapBot. Nothing more was created.");

    public static Refusal FormBeingIssued() => new("FormBeingIssued", [], "This form was already submitted and the pass is being issued; nothing more was created.");

    public static Refusal FormUsedRevoked() => new("FormUsedRevoked", [],
        "This form was already used, and the pass it issued has been revoked since. Type **issue TAP for** and the person to start again.");

    /// <param name="why">What the request recorded (TapBot's or Entra's words, English).</param>
    public static Refusal FormUsedFailed(string why) => new("FormUsedFailed", [why],
        $"This form was already used and issuing did not complete ({why}). Type **issue TAP for** and the person to start again.");

    public static Refusal CeilingBelowPolicy(int ceiling, int minimum) => new("CeilingBelowPolicy", [ceiling, minimum],
        $"TapBot's own ceiling ({ceiling} minutes, Issuance:MaxLifetimeInMinutes) is below the tenant policy's minimum ({minimum} minutes); an administrator must change one of them.");
}
