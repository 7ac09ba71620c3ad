using TapBot.Domain.Refusals;
using Microsoft.Extensions.Options;
using TapBot.Domain.Audit;
using TapBot.Domain.Issuance;
using TapBot.Domain.People;
using TapBot.Domain.Ports;

namespace TapBot.Domain.Approvals;

/// <summary>
/// The request form: for the requester's own account ("I lost my phone"), or a helpdesk operator's request on someone's
/// behalf. Nothing is stored until the form is sent (<see cref="RequestSubmitService"/>).
/// </summary>
public sealed class RequestFormService(
    IDirectory directory,
    RequestTargets targets,
    ApproverRules approvers,
    IRequestStore requests,
    IOptions<IssuanceOptions> issuance,
    IAuditTrail audit)
{
    /// <summary>The request form: for the requester themselves (<paramref name="personId"/> null) or, for a helpdesk operator, someone else.</summary>
    public async Task<RequestOutcome> PrepareAsync(Requester requester, string tenantId, string? personId, CancellationToken ct)
    {
        var checkedTarget = await targets.CheckAsync(requester, personId, ct);
        if (checkedTarget is not { Target: { } target, Found: { } found, Problem: null }) return await RefusedAsync(requester, checkedTarget.Target?.Id, checkedTarget.Problem!, ct);

        var manager = await directory.GetManagerAsync(target.Id, ct);
        var routing = await approvers.RouteAsync(requester, target, manager, found.TargetPrivilege, tenantId, ct);
        if (routing.IsEmpty) return await RefusedAsync(requester, target.Id, approvers.NobodyToAsk(requester, target), ct);

        var offered = issuance.Value.Recipients.Where(k => k == RecipientKind.Person || (k == RecipientKind.Manager && manager is { AccountEnabled: true })).ToList();
        var warnings = new List<FormWarning>();
        if (await requests.PendingForTargetAsync(tenantId, target.Id, ct) is { } pending)
            warnings.Add(new(FormWarningKind.PendingRequest, target.DisplayName, pending.DecideBy));
        return new RequestOutcome.Form(new RequestForm(target, target.Id == requester.ObjectId, offered, manager, routing, warnings)
        {
            ReasonRequired = issuance.Value.RequireReason,
        });
    }

    /// <summary>"issue TAP for X" typed by a helpdesk operator who is not an approver: the request form for that person.</summary>
    public async Task<RequestOutcome> PrepareForQueryAsync(Requester requester, string tenantId, string? personText, CancellationToken ct)
    {
        var query = PersonQuery.TryParse(personText, out var problem);
        if (query is null) return await RefusedAsync(requester, null, problem!, ct);
        return (await directory.FindOneAsync(query, ct)).Picked(out var exact, out var miss)
            ? await PrepareAsync(requester, tenantId, exact.Id, ct)
            : new RequestOutcome.Unresolved(miss);
    }

    private Task<RequestOutcome> RefusedAsync(Requester requester, string? targetId, string message, CancellationToken ct) =>
        RefusedAsync(requester, targetId, new RequestOutcome.Refused(message), ct);

    private Task<RequestOutcome> RefusedAsync(Requester requester, string? targetId, Refusal why, CancellationToken ct) =>
        RefusedAsync(requester, targetId, new RequestOutcome.Refused(why), ct);

    private async Task<RequestOutcome> RefusedAsync(Requester requester, string? targetId, RequestOutcome.Refused refused, CancellationToken ct)
    {
        await audit.AppendAsync(AuditEntry.Of(AuditKinds.RequestRefused, requester.ObjectId, targetId, ("reason", refused.Message)), ct);
        return refused;
    }
}
