using TapBot.Domain.Refusals;
using TapBot.Domain.Audit;
using TapBot.Domain.Passes;
using TapBot.Domain.People;
using TapBot.Domain.Ports;
using TapBot.Domain.Roles;

namespace TapBot.Domain.Issuance;

public abstract record RevokeOutcome
{
    private RevokeOutcome() { }

    /// <summary>Ask "are you sure?" about this pass.</summary>
    public sealed record Confirm(Person Target, TemporaryAccessPass Pass) : RevokeOutcome;

    public sealed record Revoked(Person Target, bool CardRedacted) : RevokeOutcome
    {
        /// <summary>How many approved, not yet shown entitlements for the account were cancelled with it.</summary>
        public int EntitlementsCancelled { get; init; }
    }

    /// <summary>No pass exists yet, but one was approved and not shown: ask "cancel it?".</summary>
    public sealed record ConfirmCancel(Person Target, Entitlements.PassEntitlement Entitlement) : RevokeOutcome;

    /// <summary>The name picks nobody, or several people: answered the same way by every command.</summary>
    public sealed record Unresolved(PersonLookup.Miss Lookup) : RevokeOutcome;

    public sealed record Refused(string Message) : RevokeOutcome
    {
        public Refused(Refusals.Refusal why) : this(why.Message) { Code = why.Code; Args = why.Args; }

        /// <summary>The refusal as a code with its facts for the host to word; null where none is assigned (the message is shown).</summary>
        public string? Code { get; init; }

        public IReadOnlyList<object> Args { get; init; } = [];
    }
}

/// <summary>
/// "revoke TAP for X": approvers (privileged approvers for privileged people) delete a person's pass after a
/// confirmation; the card that delivered its code is rewritten without it.
/// </summary>
public sealed class RevocationService(
    IDirectory directory,
    ITemporaryAccessPasses passes,
    RoleResolver roles,
    PrivilegedTargets privileged,
    IRequestStore requests,
    IAuditTrail audit,
    IPasscodeDelivery delivery,
    Entitlements.EntitlementUpkeep entitlements,
    IEntitlementStore entitlementStore,
    TapTenant tenant,
    TimeProvider time)
{
    public async Task<RevokeOutcome> PrepareAsync(Requester requester, string? personText, CancellationToken ct)
    {
        if (!(await roles.GetRolesAsync(requester.ObjectId, ct)).CanApprove()) return await RefusedAsync(requester, null, Refuse.NotApproverToRevoke(), ct);
        var query = PersonQuery.TryParse(personText, out var problem);
        if (query is null) return await RefusedAsync(requester, null, problem!, ct);

        if (!(await directory.FindOneAsync(query, ct)).Picked(out var person, out var miss)) return new RevokeOutcome.Unresolved(miss);

        var pass = await passes.GetCurrentAsync(person.Id, ct);
        if (pass is not null) return new RevokeOutcome.Confirm(person, pass);
        var unshown = (await entitlementStore.ReadyForTargetAsync(tenant.Id, person.Id, ct)).FirstOrDefault();
        return unshown is null
            ? await RefusedAsync(requester, person.Id, Refuse.NothingToRevoke(person), ct)
            : new RevokeOutcome.ConfirmCancel(person, unshown);
    }

    /// <summary>Revokes the pass the confirmation showed; a pass that changed since is not touched.</summary>
    public async Task<RevokeOutcome> RevokeAsync(Requester requester, string personId, string passId, CancellationToken ct)
    {
        var requesterRoles = await roles.GetRolesAsync(requester.ObjectId, ct);
        if (!requesterRoles.CanApprove()) return await RefusedAsync(requester, null, Refuse.NotApproverToRevoke(), ct);

        var person = Guid.TryParse(personId, out _) ? await directory.GetPersonAsync(personId, ct) : null;
        if (person is null) return await RefusedAsync(requester, null, Refuse.PersonGone(), ct);
        if (await privileged.RefusalAsync(requesterRoles, () => directory.GetPrivilegeFactsAsync(person.Id, ct), person, PrivilegedAction.Revoke) is { } refusal)
        {
            return await RefusedAsync(requester, person.Id, refusal, ct);
        }

        var current = await passes.GetCurrentAsync(person.Id, ct);
        if (current is null || !string.Equals(current.Id, passId, StringComparison.OrdinalIgnoreCase))
        {
            return await RefusedAsync(requester, person.Id, Refuse.PassChanged(person), ct);
        }

        await passes.DeleteAsync(person.Id, passId, ct);
        await audit.AppendAsync(AuditEntry.Of(AuditKinds.Revoked, requester.ObjectId, person.Id, ("pass", passId)), ct);

        var redacted = false;
        var request = await requests.FindByPassIdAsync(passId, ct);
        if (request is { Delivery: { RedactedAt: null } delivered })
        {
            // A card Teams would not rewrite now stays unredacted: the redaction job tries it again.
            redacted = await delivery.RedactAsync(request.RecipientId, delivered, "revoked", ct);
            request.MarkRevoked();
            if (redacted) request.MarkRedacted(time.GetUtcNow());
            await requests.SaveAsync(request, ct);
            if (redacted)
                await audit.AppendAsync(AuditEntry.Of(AuditKinds.Redacted, AuditKinds.SystemActor, person.Id, ("request", request.Id.ToString()), ("why", "revoked")), ct);
        }

        // Revoking means "no pass for this person now": an approval not shown yet goes too.
        var cancelled = await entitlements.CancelForTargetAsync(tenant.Id, person.Id, requester.ObjectId, ct);
        return new RevokeOutcome.Revoked(person, redacted) { EntitlementsCancelled = cancelled };
    }

    /// <summary>Cancels an approved pass before its code was shown (nothing exists in Entra yet), with the revoke rules.</summary>
    public async Task<RevokeOutcome> CancelEntitlementAsync(Requester requester, string personId, string entitlementId, CancellationToken ct)
    {
        var requesterRoles = await roles.GetRolesAsync(requester.ObjectId, ct);
        if (!requesterRoles.CanApprove()) return await RefusedAsync(requester, null, Refuse.NotApproverToRevoke(), ct);

        var person = Guid.TryParse(personId, out _) ? await directory.GetPersonAsync(personId, ct) : null;
        if (person is null) return new RevokeOutcome.Refused(Refuse.PersonGone());
        if (await privileged.RefusalAsync(requesterRoles, () => directory.GetPrivilegeFactsAsync(person.Id, ct), person, PrivilegedAction.Revoke) is { } refusal)
        {
            return await RefusedAsync(requester, person.Id, refusal, ct);
        }

        var entitlement = Guid.TryParse(entitlementId, out var id) ? await entitlementStore.GetAsync(id, ct) : null;
        if (entitlement is null || !string.Equals(entitlement.TargetId, person.Id, StringComparison.OrdinalIgnoreCase))
            return new RevokeOutcome.Refused(Refuse.ApprovalGone());
        if (!await entitlements.CancelAsync(entitlement, requester.ObjectId, ct))
        {
            return new RevokeOutcome.Refused(Refuse.ApprovalNotWaiting(person));
        }

        return new RevokeOutcome.Revoked(person, false) { EntitlementsCancelled = 1 };
    }

    private async Task<RevokeOutcome> RefusedAsync(Requester requester, string? targetId, Refusal why, CancellationToken ct)
    {
        await audit.AppendAsync(AuditEntry.Of(AuditKinds.RevokeRefused, requester.ObjectId, targetId, ("reason", why.Message)), ct);
        return new RevokeOutcome.Refused(why);
    }

}
