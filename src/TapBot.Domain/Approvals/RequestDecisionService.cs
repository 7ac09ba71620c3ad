using TapBot.Domain.Refusals;
using Microsoft.Extensions.Options;
using TapBot.Domain.Audit;
using TapBot.Domain.Issuance;
using TapBot.Domain.Ports;
using TapBot.Domain.Requests;
using TapBot.Domain.Telemetry;

namespace TapBot.Domain.Approvals;

/// <summary>
/// Approve or deny a request, and each viewer's view of it. The first valid decision wins (the request's version
/// token); an approval issues and delivers the pass by the issuance rules. Every rule is checked against the
/// directory at the moment of the click.
/// </summary>
public sealed class RequestDecisionService(
    IDirectory directory,
    ApproverRules approvers,
    ApprovalViews views,
    RequestExpiry expiry,
    PassIssuer issuer,
    Limits.AbuseLimits limits,
    Entitlements.EntitlementService entitlements,
    IOptions<IssuanceOptions> issuance,
    IRequestStore requests,
    IApprovalCards cards,
    IPasscodeDelivery delivery,
    IAuditTrail audit,
    TimeProvider time)
{
    private Task<DecisionOutcome.Refused> RefusedAsync(Requester decider, AccessRequest request, string why, ApprovalView view, CancellationToken ct) =>
        RefusedAsync(decider, request, new DecisionOutcome.Refused(why, view), ct);

    private Task<DecisionOutcome.Refused> RefusedAsync(Requester decider, AccessRequest request, Refusal why, ApprovalView view, CancellationToken ct) =>
        RefusedAsync(decider, request, new DecisionOutcome.Refused(why, view), ct);

    private async Task<DecisionOutcome.Refused> RefusedAsync(Requester decider, AccessRequest request, DecisionOutcome.Refused refused, CancellationToken ct)
    {
        await audit.AppendAsync(PassIssuer.Audit(AuditKinds.DecisionRefused, decider.ObjectId, request, ("why", refused.Message)), ct);
        return refused;
    }

    /// <summary>
    /// Approve or deny. Exactly once: the decision is saved against the version read, so of many simultaneous clicks
    /// only one saves; the others see the decision it made.
    /// </summary>
    public async Task<DecisionOutcome> DecideAsync(Requester decider, Guid requestId, bool approve, string? note, CancellationToken ct)
    {
        var request = await requests.GetAsync(requestId, ct);
        if (request is null) return new DecisionOutcome.Refused(Refuse.RequestGone(), null);
        if (await expiry.ExpireIfDueAsync(request, ct)) return new DecisionOutcome.AlreadyDecided(await views.ViewOfAsync(request, ct));
        if (request.Status != RequestStatus.Pending) return new DecisionOutcome.AlreadyDecided(await views.ViewOfAsync(request, ct));

        // One round trip: the decider's roles, the people on the cards and everything the rules read, live.
        var (view, found) = await views.ForDecisionAsync(request, decider, ct);
        if (await approvers.WhyNotDeciderAsync(decider, view, () => Task.FromResult(found.TargetPrivilege), ct) is { } whyNot)
        {
            await audit.AppendAsync(PassIssuer.Audit(AuditKinds.DecisionRefused, decider.ObjectId, request, ("why", whyNot.Message)), ct);
            return new DecisionOutcome.Refused(whyNot, view);
        }

        var trimmed = (note ?? "").Trim();
        if (!approve && ReasonRules.DenialProblem(trimmed) is { } noteProblem) return await RefusedAsync(decider, request, noteProblem, view, ct) with { MayRetry = true };
        if (approve)
        {
            // The person must still be able to hold a pass, and the code must still reach its recipient.
            var (_, refusal) = TargetEligibility.Check(view.Target, found);
            if (refusal is not null) return await RefusedAsync(decider, request, Refuse.DenyOrFix(refusal), view, ct);
            var recipient = view.Recipient; // read from the directory for this click
            if (!recipient.AccountEnabled)
                return await RefusedAsync(decider, request, Refuse.RecipientGone(), view, ct);
            if (!await delivery.EnsureReachableAsync(recipient.Id, ct))
                return await RefusedAsync(decider, request, Refuse.NothingDecided(Refuse.Unreachable(recipient)), view, ct);
        }

        var now = time.GetUtcNow();
        // Approving grants a pass: the abuse limits count it here (per person per day, per approver per hour).
        if (approve && await limits.CheckAndRecordPassGrantAsync(view.Target, decider, request.Id.ToString(), ct) is { } limit)
            return new DecisionOutcome.Refused(limit.ToString(), view) { Limit = limit };
        try
        {
            request.Decide(decider.ObjectId, approve, now, approve ? null : trimmed);
            await requests.SaveAsync(request, ct);
        }
        catch (RequestTransitionException e)
        {
            if (approve) await limits.ReleasePassGrantAsync(request.TargetId, decider.ObjectId, request.Id.ToString(), now, ct);
            return new DecisionOutcome.Refused(e.Message, view);
        }
        catch (RequestChangedException)
        {
            // Someone decided a moment earlier: theirs stands, and this approval granted nothing.
            if (approve) await limits.ReleasePassGrantAsync(request.TargetId, decider.ObjectId, request.Id.ToString(), now, ct);
            return new DecisionOutcome.AlreadyDecided(await views.ViewOfAsync((await requests.GetAsync(requestId, ct))!, ct));
        }

        TapBotTelemetry.ApprovalLatency.Record((now - request.CreatedAt).TotalSeconds, TapBotTelemetry.Tag("outcome", approve ? "approved" : "denied"));
        await audit.AppendAsync(PassIssuer.Audit(approve ? AuditKinds.RequestApproved : AuditKinds.RequestDenied, decider.ObjectId, request,
            approve ? [] : [("note", trimmed)]), ct);

        IssueOutcome.Refused? issueProblem = null;
        if (approve)
        {
            var outcome = issuance.Value.Delivery == PasscodeDelivery.RevealOnDemand
                ? await entitlements.GrantAsync(request, view.Target, view.Recipient, decider, ct)
                : await issuer.CreateAndDeliverAsync(request, view.Target, view.Recipient, decider, ct);
            if (outcome is IssueOutcome.Refused refused)
            {
                issueProblem = refused;
                // The cards show what storage holds: recovery may have failed the request while it was being issued.
                request = await requests.GetAsync(request.Id, ct) ?? request;
            }
        }

        var decided = view with { Request = request, DeciderName = decider.DisplayName };
        await cards.UpdateAllAsync(decided, ct);
        return new DecisionOutcome.Decided(decided, issueProblem?.Message) { IssueCode = issueProblem?.Code, IssueArgs = issueProblem?.Args ?? [] };
    }

    /// <summary>The request as this viewer should see it (the card's refresh): never changes anything.</summary>
    public async Task<ViewerView?> ViewForAsync(Requester viewer, Guid requestId, CancellationToken ct)
    {
        var request = await requests.GetAsync(requestId, ct);
        if (request is null) return null;
        var view = await views.ViewOfAsync(request, ct);
        if (request.Status != RequestStatus.Pending || time.GetUtcNow() >= request.DecideBy) return new ViewerView(view, false, null);
        var whyNot = await approvers.WhyNotDeciderAsync(viewer, view, () => directory.GetPrivilegeFactsAsync(request.TargetId, ct), ct);
        return new ViewerView(view, whyNot is null, whyNot);
    }
}
