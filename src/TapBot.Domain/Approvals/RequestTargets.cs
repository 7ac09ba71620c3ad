using TapBot.Domain.Refusals;
using TapBot.Domain.Issuance;
using TapBot.Domain.Passes;
using TapBot.Domain.People;
using TapBot.Domain.Ports;
using TapBot.Domain.Roles;
using static TapBot.Domain.Approvals.ApprovalViews;

namespace TapBot.Domain.Approvals;

/// <summary>A request's target as the form and the submission check it: <see cref="Problem"/> is null when it may have a pass.</summary>
public sealed record CheckedTarget(Person? Target, Preflight? Found, TapPolicy? Policy, Refusal? Problem);

/// <summary>Whose account a request is for: the requester's own, or (for a helpdesk operator or approver) someone else's.</summary>
public sealed class RequestTargets(IDirectory directory, RoleResolver roles, TargetEligibility eligibility)
{
    /// <summary>
    /// The person (<see cref="ResolveAsync"/>) and whether they can hold a pass at all (<see cref="TargetEligibility"/>);
    /// a refusal is worded for the requester (<see cref="ForRequester"/>). <see cref="CheckedTarget.Target"/> is set
    /// whenever the person was found, even when refused.
    /// </summary>
    public async Task<CheckedTarget> CheckAsync(Requester requester, string? personId, CancellationToken ct)
    {
        var (target, problem) = await ResolveAsync(requester, personId, ct);
        if (target is null) return new(null, null, null, problem);
        var found = await eligibility.ReadAsync(target, ct);
        var (policy, refusal) = TargetEligibility.Check(target, found);
        return new(target, found, policy, refusal is null ? null : ForRequester(refusal, requester, target));
    }

    /// <summary>The person, or null with why not; <paramref name="personId"/> null means the requester themselves.</summary>
    public async Task<(Person? Target, Refusal? Problem)> ResolveAsync(Requester requester, string? personId, CancellationToken ct)
    {
        if (personId is null || Same(personId, requester.ObjectId))
        {
            var self = await directory.GetPersonAsync(requester.ObjectId, ct);
            return self is null ? (null, Refuse.SelfNotFound()) : (self, null);
        }

        if (!Guid.TryParse(personId, out _)) return (null, Refuse.PersonNotInDirectory());
        var requesterRoles = await roles.GetRolesAsync(requester.ObjectId, ct);
        if ((requesterRoles & TapRoles.HelpdeskOperator) == 0 && !requesterRoles.CanApprove())
            return (null, Refuse.RequestForOthers());
        var target = await directory.GetPersonAsync(personId, ct);
        return target is null ? (null, Refuse.PersonGone()) : (target, null);
    }

    /// <summary>A refusal as the requester should read it: someone asking for their own account is sent to the helpdesk.</summary>
    public static Refusal ForRequester(Refusal refusal, Requester requester, Person target) =>
        Same(target.Id, requester.ObjectId) ? Refuse.ContactHelpdesk(refusal) : refusal;
}
