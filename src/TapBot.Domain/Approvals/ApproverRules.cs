using TapBot.Domain.Refusals;
using Microsoft.Extensions.Options;
using TapBot.Domain.People;
using TapBot.Domain.Ports;
using TapBot.Domain.Roles;
using static TapBot.Domain.Approvals.ApprovalViews;

namespace TapBot.Domain.Approvals;

/// <summary>Who may decide a request, and who is asked to: the person's manager (when allowed) and/or the approvers' channel.</summary>
public sealed class ApproverRules(RoleResolver roles, PrivilegedTargets privileged, IApproversChannelStatus approversChannel, IOptions<ApprovalOptions> options)
{
    /// <summary>
    /// Why this person may not decide the request now, or null when they may: not their own request, not their own
    /// account; an approver, or the person's current manager when managers may approve; a privileged approver for a
    /// privileged person. The manager is the one <paramref name="view"/> read for this click; <paramref name="targetPrivilege"/>
    /// gives what the caller read (or reads now) about the target's privilege, only asked for when it matters.
    /// </summary>
    public async Task<Refusal?> WhyNotDeciderAsync(Requester decider, ApprovalView view, Func<Task<PrivilegeFacts>> targetPrivilege,
        CancellationToken ct)
    {
        var request = view.Request;
        if (Same(decider.ObjectId, request.RequesterId)) return Refuse.OwnRequest();
        if (Same(decider.ObjectId, request.TargetId)) return Refuse.OwnAccount();

        var deciderRoles = await roles.GetRolesAsync(decider.ObjectId, ct);
        var isManager = view.Routing.Manager is { } manager && Same(manager.Id, decider.ObjectId);
        if (!deciderRoles.CanApprove() && !isManager)
            return options.Value.AllowManager ? Refuse.NotDeciderNorManager(view.Target) : Refuse.NotDecider();
        return await privileged.RefusalAsync(deciderRoles, targetPrivilege, view.Target, PrivilegedAction.Decide);
    }

    /// <summary>The manager (if allowed, and able to decide) and/or the approvers' channel (if one is set).</summary>
    public async Task<ApprovalRouting> RouteAsync(Requester requester, Person target, Person? manager, PrivilegeFacts targetPrivilege,
        string tenantId, CancellationToken ct)
    {
        var askManager = options.Value.AllowManager && manager is { AccountEnabled: true }
            && !Same(manager.Id, requester.ObjectId) && !Same(manager.Id, target.Id)
            && privileged.Refusal(await roles.GetRolesAsync(manager.Id, ct), () => targetPrivilege, target, PrivilegedAction.Decide) is null;
        return new ApprovalRouting(askManager ? manager : null, await approversChannel.IsSetAsync(tenantId, ct));
    }

    /// <summary>Why nobody can be asked to approve: no manager who may (when managers may), and no approvers' channel.</summary>
    public Refusal NobodyToAsk(Requester requester, Person target) =>
        Refuse.NobodyToAsk(Same(target.Id, requester.ObjectId), options.Value.AllowManager, target);
}
