using TapBot.Domain.Refusals;
using System.Globalization;
using Microsoft.Extensions.Options;
using TapBot.Domain.Audit;
using TapBot.Domain.Issuance;
using TapBot.Domain.Passes;
using TapBot.Domain.People;
using TapBot.Domain.Ports;
using TapBot.Domain.Requests;
using TapBot.Domain.Roles;

namespace TapBot.Domain.Entitlements;

/// <summary>
/// Reveal on demand: an approval grants an entitlement and posts a card without a code; the pass is created only when
/// the recipient presses Show code, and its code answers that click alone. Nothing usable exists before the click, so
/// nothing has to be redacted afterwards. Every step is audited; the code is never stored or logged.
/// </summary>
public sealed class EntitlementService(
    IEntitlementStore entitlements,
    IRequestStore requests,
    IEntitlementCards cards,
    IIssuancePreflight preflight,
    RoleResolver roles,
    PrivilegedTargets privileged,
    ITemporaryAccessPasses passes,
    IPasscodeDelivery delivery,
    IAuditTrail audit,
    IOptions<IssuanceOptions> options,
    TimeProvider time)
{
    /// <summary>
    /// The one way an entitlement comes to be (direct issuance and approved requests alike): the request, already
    /// approved and saved, hands over to an entitlement, whose card is posted to the recipient's 1:1 chat.
    /// </summary>
    public async Task<IssueOutcome> GrantAsync(AccessRequest request, Person target, Person recipient, Requester approver, CancellationToken ct)
    {
        var entitlement = PassEntitlement.Grant(request.TenantId, target, recipient.Id, approver, request.Id, request.LifetimeInMinutes,
            request.StartsAt, request.IsUsableOnce, request.Reason, time.GetUtcNow(), TimeSpan.FromHours(options.Value.RevealWithinHours));
        try
        {
            // Saved first: a crash after this leaves an entitled request and no entitlement, which is nothing usable.
            request.MarkEntitled();
            await requests.SaveAsync(request, ct);
        }
        catch (Exception e) when (e is RequestChangedException or RequestTransitionException)
        {
            return new IssueOutcome.Refused(Refuse.GrantTakenOver());
        }

        await entitlements.AddAsync(entitlement, ct);
        await audit.AppendAsync(Audit(AuditKinds.EntitlementGranted, approver.ObjectId, entitlement), ct);

        if (await cards.PostAsync(entitlement, ct) is not { } card)
        {
            entitlement.Cancel("the card could not be posted");
            await entitlements.SaveAsync(entitlement, ct);
            await audit.AppendAsync(Audit(AuditKinds.EntitlementCancelled, AuditKinds.SystemActor, entitlement, ("why", "card not posted")), ct);
            return new IssueOutcome.Refused(Refuse.CardNotPosted(recipient));
        }

        entitlement.MarkPosted(card.ConversationId, card.MessageId);
        await entitlements.SaveAsync(entitlement, ct);
        return new IssueOutcome.Granted(request, entitlement, target, approver.DisplayName) { Recipient = recipient };
    }

    /// <summary>
    /// Show code. Only the recipient, only once, only in time; the rules are read again from the directory now, and the
    /// pass is created now (with the scheduled start when it is still ahead).
    /// </summary>
    public async Task<RevealOutcome> RevealAsync(Requester clicker, Guid entitlementId, CancellationToken ct)
    {
        var entitlement = await entitlements.GetAsync(entitlementId, ct);
        if (entitlement is null) return new RevealOutcome.Refused(Refuse.PassGone());
        if (!entitlement.IsRecipient(clicker.ObjectId))
        {
            await audit.AppendAsync(Audit(AuditKinds.RevealRefused, clicker.ObjectId, entitlement, ("why", "not the recipient")), ct);
            return new RevealOutcome.Refused(Refuse.NotRecipient());
        }

        var now = time.GetUtcNow();
        if (entitlement.State == EntitlementState.Ready && now >= entitlement.RevealBy) return new RevealOutcome.Closed(await ExpireAsync(entitlement, ct) ?? entitlement);
        if (entitlement.State == EntitlementState.Revealing)
            return new RevealOutcome.Refused(Refuse.BeingShown());
        if (entitlement.State != EntitlementState.Ready) return new RevealOutcome.Closed(entitlement);

        if (await WhyNotNowAsync(entitlement, ct) is { } whyNot)
        {
            await audit.AppendAsync(Audit(AuditKinds.RevealRefused, clicker.ObjectId, entitlement, ("why", whyNot.Message)), ct);
            return new RevealOutcome.Refused(whyNot);
        }

        entitlement.BeginReveal(now);
        if (!await SavedAsync(entitlement, ct)) return await ChangedMeanwhileAsync(entitlementId, ct);

        IssuedPass issued;
        try
        {
            // A start still ahead is kept; a start already passed means "now", with the full lifetime (see the README).
            var start = entitlement.StartsAt is { } s && s > now ? s : (DateTimeOffset?)null;
            issued = await passes.CreateAsync(entitlement.TargetId, entitlement.LifetimeInMinutes, start, entitlement.IsUsableOnce, ct);
        }
        catch (EntraException e)
        {
            entitlement.ReturnToReady();
            await SavedAsync(entitlement, ct); // recovery may have returned it first; Ready either way
            await audit.AppendAsync(Audit(AuditKinds.RevealFailed, clicker.ObjectId, entitlement, ("graph", e.GraphMessage ?? e.Failure.ToString())), ct);
            return new RevealOutcome.Refused(Refuse.ShowAgainLater(PassIssuer.GraphRefusal(e)));
        }

        entitlement.RecordPass(issued.Pass.Id, issued.Pass.StartsAt, issued.Pass.ExpiresAt);
        if (!await SavedAsync(entitlement, ct)) return await TakenOverAsync(entitlement, issued, ct);
        entitlement.MarkShown(time.GetUtcNow());
        if (!await SavedAsync(entitlement, ct)) return await TakenOverAsync(entitlement, issued, ct);

        await audit.AppendAsync(Audit(AuditKinds.EntitlementShown, clicker.ObjectId, entitlement, ("pass", issued.Pass.Id),
            ("expires", issued.Pass.ExpiresAt.ToString("O", CultureInfo.InvariantCulture))), ct);
        // The stored message never held the code, and it is not rewritten now: Teams (and the Playground) replace the
        // clicker's view with a rewritten message, which would take the code off the screen while it is being typed.
        // The expiry job rewrites it to "shown at … valid until …" once the pass is no longer valid.
        await NotifyOwnerAsync(entitlement, issued, clicker, ct);
        return new RevealOutcome.Revealed(entitlement, issued);
    }

    /// <summary>Rewrites a shown entitlement's card once its pass is no longer valid; saved only when Teams took it.</summary>
    public async Task<bool> CloseShownCardAsync(PassEntitlement entitlement, CancellationToken ct)
    {
        if (!await cards.RewriteAsync(entitlement, ct)) return false;
        entitlement.CardClosed();
        return await SavedAsync(entitlement, ct);
    }

    /// <summary>Closes a Ready entitlement whose time has passed; null when someone else changed it first.</summary>
    public async Task<PassEntitlement?> ExpireAsync(PassEntitlement entitlement, CancellationToken ct)
    {
        entitlement.Expire(time.GetUtcNow());
        if (!await SavedAsync(entitlement, ct)) return null;
        await audit.AppendAsync(Audit(AuditKinds.EntitlementExpired, AuditKinds.SystemActor, entitlement), ct);
        await cards.RewriteAsync(entitlement, ct);
        return entitlement;
    }

    /// <summary>The rules as at approval, read again now: the person, the policy, and the approver's standing for a privileged person.</summary>
    private async Task<Refusal?> WhyNotNowAsync(PassEntitlement entitlement, CancellationToken ct)
    {
        try
        {
            var found = await preflight.GetAsync(entitlement.ApproverId, roles.WantedObjectIds, entitlement.TargetId, ct);
            var target = found.Target.Value;
            if (target is null) return Refuse.AccountGone();
            var approverRoles = roles.RolesFrom(found.RequesterMemberships.Value);
            if (!approverRoles.CanApprove())
                return Refuse.ApproverNoLonger(entitlement.ApproverName);
            var (_, refusal) = TargetEligibility.Check(target, found);
            refusal ??= privileged.Refusal(approverRoles, () => found.TargetPrivilege, target, PrivilegedAction.Issue);
            return refusal is null ? null : Refuse.CannotCreateNow(refusal);
        }
        catch (EntraException e)
        {
            return Refuse.ShowAgainLater(PassIssuer.GraphRefusal(e));
        }
    }

    /// <summary>Recovery returned this reveal to Ready while it was still at work: take the pass back, so no code outlives the click.</summary>
    private async Task<RevealOutcome> TakenOverAsync(PassEntitlement entitlement, IssuedPass issued, CancellationToken ct)
    {
        await passes.DeleteAsync(entitlement.TargetId, issued.Pass.Id, ct);
        await audit.AppendAsync(Audit(AuditKinds.RevealFailed, AuditKinds.SystemActor, entitlement, ("takenOverByRecovery", issued.Pass.Id)), ct);
        return new RevealOutcome.Refused(Refuse.TookTooLong());
    }

    private async Task<RevealOutcome> ChangedMeanwhileAsync(Guid id, CancellationToken ct)
    {
        var now = await entitlements.GetAsync(id, ct);
        return now is null || now.State is EntitlementState.Ready or EntitlementState.Revealing
            ? new RevealOutcome.Refused(Refuse.BeingShown())
            : new RevealOutcome.Closed(now);
    }

    /// <summary>When someone else holds the code for the account, its owner is told (as when the code is posted in the card).</summary>
    private async Task NotifyOwnerAsync(PassEntitlement entitlement, IssuedPass issued, Requester recipient, CancellationToken ct)
    {
        if (!options.Value.NotifyTarget || entitlement.IsForOwner) return;
        var owner = new Person(entitlement.TargetId, entitlement.TargetUpn, null, entitlement.TargetName, null, true);
        var notice = new OwnerNotice(owner, entitlement.ApproverName, recipient.DisplayName, time.GetUtcNow(), issued.Pass.StartsAt, issued.Pass.ExpiresAt,
            options.Value.SecurityContact);
        var sent = await delivery.NotifyOwnerAsync(notice, ct);
        await audit.AppendAsync(Audit(sent ? AuditKinds.OwnerNotified : AuditKinds.OwnerNotNotified, AuditKinds.SystemActor, entitlement), ct);
    }

    private async Task<bool> SavedAsync(PassEntitlement entitlement, CancellationToken ct)
    {
        try
        {
            await entitlements.SaveAsync(entitlement, ct);
            return true;
        }
        catch (EntitlementChangedException)
        {
            return false;
        }
    }

    /// <summary>The audit entry for a step of an entitlement: ids, times, lifetime, recipient, reason; never a code.</summary>
    public static AuditEntry Audit(string kind, string actorId, PassEntitlement e, params (string Key, string Value)[] extra) =>
        AuditEntry.Of(kind, actorId, e.TargetId,
        [
            ("entitlement", e.Id.ToString()), ("request", e.RequestId?.ToString() ?? "none"), ("recipient", e.RecipientId),
            ("lifetimeMinutes", e.LifetimeInMinutes.ToString(CultureInfo.InvariantCulture)), ("oneTime", e.IsUsableOnce ? "yes" : "no"),
            ("starts", e.StartsAt?.ToString("O", CultureInfo.InvariantCulture) ?? "when shown"),
            ("revealBy", e.RevealBy.ToString("O", CultureInfo.InvariantCulture)), ("reason", e.Reason), .. extra,
        ]);
}
