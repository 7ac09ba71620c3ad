using TapBot.Domain.Refusals;
using TapBot.Domain.Audit;
using TapBot.Domain.People;
using TapBot.Domain.Ports;
using TapBot.Domain.Roles;

namespace TapBot.Domain.Status;

/// <summary>
/// "TAP status for X": who may ask, who X is, and what their pass looks like. Anyone may see their own
/// status; helpdesk operators, approvers and auditors may see anyone's. A status never contains a code.
/// </summary>
public sealed class TapStatusService(
    IDirectory directory,
    ITemporaryAccessPasses passes,
    RoleResolver roles,
    IAuditTrail audit,
    IEntitlementStore entitlements,
    TapTenant tenant,
    TimeProvider time)
{
    /// <summary>How many candidates a pick list offers before asking for a more precise name.</summary>
    public const int MaxCandidates = PersonSearch.MaxCandidates;

    public async Task<StatusOutcome> ForQueryAsync(Requester requester, string? personText, CancellationToken ct)
    {
        var query = PersonQuery.TryParse(personText, out var problem);
        if (query is null) return await RefusedAsync(requester, null, problem!, ct);

        // Roles first: without one, the directory is not searched at all, so nobody can list colleagues' names or
        // probe which addresses exist. Such a requester may still name themselves.
        var requesterRoles = await roles.GetRecentRolesAsync(requester.ObjectId, ct);
        if (!requesterRoles.CanViewOthers())
        {
            var me = await directory.GetPersonAsync(requester.ObjectId, ct);
            if (me is not null && PersonMatch.Names(query, me)) return await ForPersonAsync(requester, me, ct);
            await audit.AppendAsync(AuditEntry.Of(AuditKinds.StatusRefused, requester.ObjectId, null, ("reason", "no role to view others")), ct);
            return new StatusOutcome.Refused(Refuse.StatusOfOthers());
        }

        if (!(await directory.FindOneAsync(query, ct)).Picked(out var chosen, out var miss)) return new StatusOutcome.Unresolved(miss);
        return await ForPersonAsync(requester, chosen, ct, requesterRoles);
    }

    /// <summary>Status for a person picked by id (from a pick list); the id is re-read from the directory.</summary>
    public async Task<StatusOutcome> ForPersonIdAsync(Requester requester, string personId, CancellationToken ct)
    {
        var person = Guid.TryParse(personId, out _) ? await directory.GetPersonAsync(personId, ct) : null;
        return person is null
            ? await RefusedAsync(requester, null, Refuse.PersonGone(), ct)
            : await ForPersonAsync(requester, person, ct);
    }

    public async Task<StatusOutcome> ForSelfAsync(Requester requester, CancellationToken ct)
    {
        var me = await directory.GetPersonAsync(requester.ObjectId, ct);
        return me is null
            ? await RefusedAsync(requester, null, Refuse.SelfNotInDirectory(), ct)
            : await ForPersonAsync(requester, me, ct);
    }

    private async Task<StatusOutcome> RefusedAsync(Requester requester, string? targetId, Refusal why, CancellationToken ct)
    {
        await audit.AppendAsync(AuditEntry.Of(AuditKinds.StatusRefused, requester.ObjectId, targetId, ("reason", why.Message)), ct);
        return new StatusOutcome.Refused(why);
    }

    private async Task<StatusOutcome> ForPersonAsync(Requester requester, Person person, CancellationToken ct, TapRoles? knownRoles = null)
    {
        var isSelf = string.Equals(person.Id, requester.ObjectId, StringComparison.OrdinalIgnoreCase);
        if (!isSelf && !(knownRoles ?? await roles.GetRecentRolesAsync(requester.ObjectId, ct)).CanViewOthers())
        {
            await audit.AppendAsync(AuditEntry.Of(AuditKinds.StatusRefused, requester.ObjectId, person.Id, ("reason", "no role to view others")), ct);
            return new StatusOutcome.Refused(Refuse.StatusOfOthers());
        }

        var pass = await passes.GetCurrentAsync(person.Id, ct);
        if (!isSelf)
        {
            // Who looked at whose pass is worth keeping: it is also how an attacker would scout targets.
            await audit.AppendAsync(AuditEntry.Of(AuditKinds.StatusViewed, requester.ObjectId, person.Id,
                ("hasPass", pass is null ? "no" : "yes")), ct);
        }

        var unshown = (await entitlements.ReadyForTargetAsync(tenant.Id, person.Id, ct)).FirstOrDefault();
        return new StatusOutcome.Found(person, pass, time.GetUtcNow()) { Unshown = unshown };
    }

}
