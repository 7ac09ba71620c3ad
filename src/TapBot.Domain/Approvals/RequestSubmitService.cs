using TapBot.Domain.Refusals;
using TapBot.Domain.Audit;
using TapBot.Domain.Issuance;
using TapBot.Domain.Ports;
using TapBot.Domain.Requests;
using static TapBot.Domain.Approvals.ApprovalViews;

namespace TapBot.Domain.Approvals;

/// <summary>
/// Sends a request for a pass to whoever may approve it: the person's manager and/or the approvers' channel. The
/// request is checked against the directory now, and again when it is decided.
/// </summary>
public sealed class RequestSubmitService(
    IDirectory directory,
    RequestTargets targets,
    RecipientResolver recipients,
    ReasonCheck reasons,
    ApproverRules approvers,
    ApprovalViews views,
    IRequestStore requests,
    IApprovalCards cards,
    IPasscodeDelivery delivery,
    IAuditTrail audit,
    NewRequests newRequests,
    Limits.AbuseLimits limits)
{
    /// <param name="sourceKey">The clicked form: a repeated click or a retried invoke finds the request it created.</param>
    public async Task<RequestOutcome> SubmitAsync(Requester requester, string tenantId, RequestChoice choice, string? sourceKey, CancellationToken ct)
    {
        if (sourceKey is not null && await requests.FindBySourceKeyAsync(sourceKey, ct) is { } earlier)
            return new RequestOutcome.Submitted(await views.ViewOfAsync(earlier, ct));

        var checkedTarget = await targets.CheckAsync(requester, choice.PersonId, ct);
        if (checkedTarget is not { Target: { } target, Found: { } found, Policy: { } policy, Problem: null })
            return await RefuseAsync(requester, checkedTarget.Target?.Id, checkedTarget.Problem!, ct);

        var reason = (choice.Reason ?? "").Trim();
        if (await reasons.ProblemAsync(reason, AuditKinds.RequestRefused, requester, target.Id, ct) is { } reasonProblem)
            return new RequestOutcome.Refused(reasonProblem)
            {
                MayRetry = reasonProblem != ReasonCheck.PatternTimedOut, Code = ReasonRules.CodeOf(reasonProblem).Code, Args = ReasonRules.CodeOf(reasonProblem).Args,
            };
        if (choice.Recipient == RecipientKind.Requester) return await RefuseAsync(requester, target.Id, Refuse.RequestRecipient(), ct);

        var (recipient, recipientProblem) = await recipients.ResolveAsync(choice.Recipient, requester, target, ct);
        if (recipient is null) return await RefuseAsync(requester, target.Id, recipientProblem!, ct);

        if (await requests.PendingForTargetAsync(tenantId, target.Id, ct) is { } pending)
            return await RefuseAsync(requester, target.Id, Refuse.RequestPending(pending.DecideBy), ct);

        // The recipient is the manager already read when the code goes to them.
        var manager = choice.Recipient == RecipientKind.Manager ? recipient : await directory.GetManagerAsync(target.Id, ct);
        var routing = await approvers.RouteAsync(requester, target, manager, found.TargetPrivilege, tenantId, ct);
        if (routing.IsEmpty) return await RefuseAsync(requester, target.Id, approvers.NobodyToAsk(requester, target), ct);

        // The code must be able to reach the recipient privately once approved; say so now rather than after approval.
        if (!await delivery.EnsureReachableAsync(recipient.Id, ct)) return await RefuseAsync(requester, target.Id, Refuse.Unreachable(recipient), ct);

        var (request, termsProblem) = newRequests.Create(requester, tenantId, target, recipient, policy, reason, sourceKey);
        if (request is null) return await RefuseAsync(requester, target.Id, termsProblem!, ct);
        if (await limits.CheckAndRecordRequestAsync(requester, target, tenantId, request.Id, ct) is { } limit)
            return new RequestOutcome.Refused(limit.ToString()) { Limit = limit };
        try
        {
            await requests.AddAsync(request, ct);
        }
        catch (DuplicateRequestException)
        {
            return new RequestOutcome.Submitted(await views.ViewOfAsync((await requests.FindBySourceKeyAsync(sourceKey!, ct))!, ct));
        }

        await audit.AppendAsync(PassIssuer.Audit(AuditKinds.RequestCreated, requester.ObjectId, request), ct);
        var requesterPerson = Same(requester.ObjectId, target.Id) ? target : await views.PersonOrNameAsync(requester, ct);
        var view = new ApprovalView(request, target, requesterPerson, recipient, null, routing);
        var posted = await cards.PostAsync(view, ct);
        if (posted == 0)
        {
            request.MarkFailed("no approver could be reached");
            await requests.SaveAsync(request, ct);
            await audit.AppendAsync(PassIssuer.Audit(AuditKinds.RequestRefused, requester.ObjectId, request, ("why", "no approver reachable")), ct);
            return new RequestOutcome.Refused(Refuse.NoApproverReached());
        }

        await audit.AppendAsync(PassIssuer.Audit(AuditKinds.RequestRouted, requester.ObjectId, request,
            ("manager", routing.Manager?.Id ?? "none"), ("approversChannel", routing.ToApproversChannel ? "yes" : "no"), ("copies", posted.ToString(System.Globalization.CultureInfo.InvariantCulture))), ct);
        return new RequestOutcome.Submitted(view);
    }

    private Task<RequestOutcome> RefuseAsync(Requester requester, string? targetId, string message, CancellationToken ct) =>
        RefuseAsync(requester, targetId, new RequestOutcome.Refused(message), ct);

    private Task<RequestOutcome> RefuseAsync(Requester requester, string? targetId, Refusal why, CancellationToken ct) =>
        RefuseAsync(requester, targetId, new RequestOutcome.Refused(why), ct);

    private async Task<RequestOutcome> RefuseAsync(Requester requester, string? targetId, RequestOutcome.Refused refused, CancellationToken ct)
    {
        await audit.AppendAsync(AuditEntry.Of(AuditKinds.RequestRefused, requester.ObjectId, targetId, ("reason", refused.Message)), ct);
        return refused;
    }
}
