using Microsoft.Extensions.Options;
using TapBot.Domain.Audit;
using TapBot.Domain.Issuance;
using TapBot.Domain.People;
using TapBot.Domain.Ports;
using TapBot.Domain.Requests;
using TapBot.Domain.Roles;
using TapBot.Domain.Telemetry;

namespace TapBot.Domain.Approvals;

/// <summary>
/// Requests for a pass that someone else must approve: an employee's own recovery request ("I lost my phone"), or a
/// helpdesk operator's request on someone's behalf. The request goes to the person's manager and/or the approvers'
/// channel; the first valid decision wins (the request's version token), and an approval issues and delivers the pass
/// by the issuance rules. Every rule is checked against the directory at the moment of the click.
/// </summary>
public sealed class ApprovalService(
    IDirectory directory,
    RoleResolver roles,
    PrivilegedTargets privileged,
    TargetEligibility eligibility,
    RecipientResolver recipients,
    PassIssuer issuer,
    ReasonCheck reasons,
    IRequestStore requests,
    IApproverChannels channels,
    IApprovalCards cards,
    IPasscodeDelivery delivery,
    IAuditTrail audit,
    IOptions<ApprovalOptions> options,
    IOptions<IssuanceOptions> issuance,
    TimeProvider time)
{
    /// <summary>The request form: for the requester themselves (<paramref name="personId"/> null) or, for a helpdesk operator, someone else.</summary>
    public async Task<RequestOutcome> PrepareAsync(Requester requester, string tenantId, string? personId, CancellationToken ct)
    {
        var (target, problem) = await TargetAsync(requester, personId, ct);
        if (target is null) return new RequestOutcome.Refused(problem!);

        var found = await eligibility.ReadAsync(target, ct);
        var (_, refusal) = TargetEligibility.Check(target, found);
        if (refusal is not null) return new RequestOutcome.Refused(ForRequester(refusal, requester, target));

        var manager = await directory.GetManagerAsync(target.Id, ct);
        var routing = await RouteAsync(requester, target, manager, found.TargetPrivilege, tenantId, ct);
        if (routing.IsEmpty) return new RequestOutcome.Refused(NobodyToAsk(requester, target));

        var offered = issuance.Value.Recipients.Where(k => k == RecipientKind.Person || (k == RecipientKind.Manager && manager is { AccountEnabled: true })).ToList();
        var warnings = new List<string>();
        if (await requests.PendingForTargetAsync(tenantId, target.Id, ct) is { } pending)
            warnings.Add($"A request for this account is already waiting for a decision (until {pending.DecideBy:u}); a new one cannot be sent until it is decided or expires.");
        return new RequestOutcome.Form(new RequestForm(target, target.Id == requester.ObjectId, offered, manager, routing, warnings));
    }

    /// <summary>"issue TAP for X" typed by a helpdesk operator who is not an approver: the request form for that person.</summary>
    public async Task<RequestOutcome> PrepareForQueryAsync(Requester requester, string tenantId, string? personText, CancellationToken ct)
    {
        var query = PersonQuery.TryParse(personText, out var problem);
        if (query is null) return new RequestOutcome.Refused(problem!);
        var (exact, candidates) = await directory.FindOneAsync(query, ct);
        if (exact is not null) return await PrepareAsync(requester, tenantId, exact.Id, ct);
        return candidates.Count == 0 ? new RequestOutcome.NotFound(query.Text) : new RequestOutcome.Ambiguous(query.Text, candidates);
    }

    /// <param name="sourceKey">The clicked form: a repeated click or a retried invoke finds the request it created.</param>
    public async Task<RequestOutcome> SubmitAsync(Requester requester, string tenantId, RequestChoice choice, string? sourceKey, CancellationToken ct)
    {
        if (sourceKey is not null && await requests.FindBySourceKeyAsync(sourceKey, ct) is { } earlier)
            return new RequestOutcome.Submitted(await ViewOfAsync(earlier, ct));

        var (target, problem) = await TargetAsync(requester, choice.PersonId, ct);
        if (target is null) return await RefuseAsync(requester, null, problem!, ct);

        var found = await eligibility.ReadAsync(target, ct);
        var (policy, refusal) = TargetEligibility.Check(target, found);
        if (refusal is not null) return await RefuseAsync(requester, target.Id, ForRequester(refusal, requester, target), ct);

        var reason = (choice.Reason ?? "").Trim();
        if (await reasons.ProblemAsync(reason, AuditKinds.RequestRefused, requester, target.Id, ct) is { } reasonProblem) return new RequestOutcome.Refused(reasonProblem);
        if (choice.Recipient == RecipientKind.Requester) return new RequestOutcome.Refused("A request's code goes to the person or their manager.");

        var (recipient, recipientProblem) = await recipients.ResolveAsync(choice.Recipient, requester, target, ct);
        if (recipient is null) return await RefuseAsync(requester, target.Id, recipientProblem!, ct);

        if (await requests.PendingForTargetAsync(tenantId, target.Id, ct) is { } pending)
            return await RefuseAsync(requester, target.Id, $"A request for this account is already waiting for a decision (until {pending.DecideBy:u}). You'll hear as soon as it is decided.", ct);

        // The recipient is the manager already read when the code goes to them.
        var manager = choice.Recipient == RecipientKind.Manager ? recipient : await directory.GetManagerAsync(target.Id, ct);
        var routing = await RouteAsync(requester, target, manager, found.TargetPrivilege, tenantId, ct);
        if (routing.IsEmpty) return await RefuseAsync(requester, target.Id, NobodyToAsk(requester, target), ct);

        // The code must be able to reach the recipient privately once approved; say so now rather than after approval.
        if (!await delivery.EnsureReachableAsync(recipient.Id, ct)) return await RefuseAsync(requester, target.Id, IssuanceService.Unreachable(recipient), ct);

        var now = time.GetUtcNow();
        // Nobody picks a request's lifetime: the policy's default within TapBot's ceiling, one-time use, starting now.
        var range = LifetimeRange.For(policy!, issuance.Value);
        if (range.Problem(issuance.Value) is { } rangeProblem) return await RefuseAsync(requester, target.Id, rangeProblem, ct);
        var request = AccessRequest.Create(target.Id == requester.ObjectId ? RequestKind.Recovery : RequestKind.OnBehalf, tenantId, requester.ObjectId,
            target.Id, recipient.Id, range.Default, null, isUsableOnce: true, reason, now, TimeSpan.FromMinutes(options.Value.ExpiresAfterMinutes), sourceKey);
        try
        {
            await requests.AddAsync(request, ct);
        }
        catch (DuplicateRequestException)
        {
            return new RequestOutcome.Submitted(await ViewOfAsync((await requests.FindBySourceKeyAsync(sourceKey!, ct))!, ct));
        }

        await audit.AppendAsync(PassIssuer.Audit(AuditKinds.RequestCreated, requester.ObjectId, request), ct);
        var requesterPerson = Same(requester.ObjectId, target.Id) ? target : await PersonOrNameAsync(requester, ct);
        var view = new ApprovalView(request, target, requesterPerson, recipient, null, routing);
        var posted = await cards.PostAsync(view, ct);
        if (posted == 0)
        {
            request.MarkFailed("no approver could be reached");
            await requests.SaveAsync(request, ct);
            await audit.AppendAsync(PassIssuer.Audit(AuditKinds.RequestRefused, requester.ObjectId, request, ("why", "no approver reachable")), ct);
            return new RequestOutcome.Refused("TapBot could not reach any approver right now, so the request was not sent. Please try again, or contact your helpdesk.");
        }

        await audit.AppendAsync(PassIssuer.Audit(AuditKinds.RequestRouted, requester.ObjectId, request,
            ("manager", routing.Manager?.Id ?? "none"), ("approversChannel", routing.ToApproversChannel ? "yes" : "no"), ("copies", posted.ToString(System.Globalization.CultureInfo.InvariantCulture))), ct);
        return new RequestOutcome.Submitted(view);
    }

    /// <summary>
    /// Approve or deny. Exactly once: the decision is saved against the version read, so of many simultaneous clicks
    /// only one saves; the others see the decision it made.
    /// </summary>
    public async Task<DecisionOutcome> DecideAsync(Requester decider, Guid requestId, bool approve, string? note, CancellationToken ct)
    {
        var request = await requests.GetAsync(requestId, ct);
        if (request is null) return new DecisionOutcome.Refused("This request no longer exists.", null);
        if (await ExpireIfDueAsync(request, ct)) return new DecisionOutcome.AlreadyDecided(await ViewOfAsync(request, ct));
        if (request.Status != RequestStatus.Pending) return new DecisionOutcome.AlreadyDecided(await ViewOfAsync(request, ct));

        var view = await ViewOfAsync(request, ct);
        var found = await eligibility.ReadAsync(view.Target, ct);
        if (await WhyNotDeciderAsync(decider, view, () => Task.FromResult(found.TargetPrivilege), ct) is { } whyNot)
        {
            await audit.AppendAsync(PassIssuer.Audit(AuditKinds.DecisionRefused, decider.ObjectId, request, ("why", whyNot)), ct);
            return new DecisionOutcome.Refused(whyNot, view);
        }

        var trimmed = (note ?? "").Trim();
        if (!approve && ReasonRules.DenialProblem(trimmed) is { } noteProblem) return new DecisionOutcome.Refused(noteProblem, view) { MayRetry = true };
        if (approve)
        {
            // The person must still be able to hold a pass, and the code must still reach its recipient.
            var (_, refusal) = TargetEligibility.Check(view.Target, found);
            if (refusal is not null) return new DecisionOutcome.Refused(refusal + " Deny the request, or fix this first.", view);
            var recipient = view.Recipient; // read from the directory for this click
            if (!recipient.AccountEnabled)
                return new DecisionOutcome.Refused("The person who would receive the code is no longer in the directory or is disabled. Deny the request.", view);
            if (!await delivery.EnsureReachableAsync(recipient.Id, ct))
                return new DecisionOutcome.Refused(IssuanceService.Unreachable(recipient) + " Nothing was decided.", view);
        }

        var now = time.GetUtcNow();
        try
        {
            request.Decide(decider.ObjectId, approve, now, approve ? null : trimmed);
            await requests.SaveAsync(request, ct);
        }
        catch (RequestTransitionException e)
        {
            return new DecisionOutcome.Refused(e.Message, view);
        }
        catch (RequestChangedException)
        {
            // Someone decided a moment earlier: theirs stands.
            return new DecisionOutcome.AlreadyDecided(await ViewOfAsync((await requests.GetAsync(requestId, ct))!, ct));
        }

        TapBotTelemetry.ApprovalLatency.Record((now - request.CreatedAt).TotalSeconds, TapBotTelemetry.Tag("outcome", approve ? "approved" : "denied"));
        await audit.AppendAsync(PassIssuer.Audit(approve ? AuditKinds.RequestApproved : AuditKinds.RequestDenied, decider.ObjectId, request,
            approve ? [] : [("note", trimmed)]), ct);

        string? issueProblem = null;
        if (approve)
        {
            var outcome = await issuer.IssueAsync(request, view.Target, view.Recipient, decider, ct);
            if (outcome is IssueOutcome.Refused refused)
            {
                issueProblem = refused.Message;
                // The cards show what storage holds: recovery may have failed the request while it was being issued.
                request = await requests.GetAsync(request.Id, ct) ?? request;
            }
        }

        var decided = view with { Request = request, DeciderName = decider.DisplayName };
        await cards.UpdateAllAsync(decided, ct);
        return new DecisionOutcome.Decided(decided, issueProblem);
    }

    /// <summary>The request as this viewer should see it (the card's refresh): never changes anything.</summary>
    public async Task<ViewerView?> ViewForAsync(Requester viewer, Guid requestId, CancellationToken ct)
    {
        var request = await requests.GetAsync(requestId, ct);
        if (request is null) return null;
        var view = await ViewOfAsync(request, ct);
        if (request.Status != RequestStatus.Pending || time.GetUtcNow() >= request.DecideBy) return new ViewerView(view, false, null);
        var whyNot = await WhyNotDeciderAsync(viewer, view, () => directory.GetPrivilegeFactsAsync(request.TargetId, ct), ct);
        return new ViewerView(view, whyNot is null, whyNot);
    }

    /// <summary>Expires requests nobody decided in time; every card and the requester learn it. Returns how many.</summary>
    public async Task<int> ExpireDueAsync(CancellationToken ct)
    {
        var count = 0;
        foreach (var request in await requests.PendingPastDeadlineAsync(time.GetUtcNow(), 50, ct))
        {
            if (await ExpireIfDueAsync(request, ct)) count++;
        }

        return count;
    }

    /// <summary>Reminds approvers once of requests still undecided after <see cref="ApprovalOptions.RemindAfterMinutes"/>.</summary>
    public async Task<int> RemindDueAsync(CancellationToken ct)
    {
        if (options.Value.RemindAfterMinutes == 0) return 0;
        var now = time.GetUtcNow();
        var count = 0;
        foreach (var request in await requests.DueForReminderAsync(now.AddMinutes(-options.Value.RemindAfterMinutes), 50, ct))
        {
            try
            {
                request.MarkReminded(now);
                await requests.SaveAsync(request, ct); // another instance reminding at the same moment loses here
            }
            catch (Exception e) when (e is RequestChangedException or RequestTransitionException)
            {
                continue;
            }

            await cards.RemindAsync(await ViewOfAsync(request, ct), ct);
            await audit.AppendAsync(PassIssuer.Audit(AuditKinds.RequestReminded, AuditKinds.SystemActor, request), ct);
            count++;
        }

        return count;
    }

    private async Task<bool> ExpireIfDueAsync(AccessRequest request, CancellationToken ct)
    {
        if (request.Status != RequestStatus.Pending || time.GetUtcNow() < request.DecideBy) return false;
        try
        {
            request.Expire(time.GetUtcNow());
            await requests.SaveAsync(request, ct);
        }
        catch (RequestChangedException)
        {
            return false; // decided or expired by someone else just now
        }

        await audit.AppendAsync(PassIssuer.Audit(AuditKinds.RequestExpired, AuditKinds.SystemActor, request), ct);
        await cards.UpdateAllAsync(await ViewOfAsync(request, ct), ct);
        return true;
    }

    /// <summary>
    /// Why this person may not decide the request now, or null when they may: not their own request, not their own
    /// account; an approver, or the person's current manager when managers may approve; a privileged approver for a
    /// privileged person. The manager is the one <paramref name="view"/> read for this click; <paramref name="targetPrivilege"/>
    /// gives what the caller read (or reads now) about the target's privilege, only asked for when it matters.
    /// </summary>
    private async Task<string?> WhyNotDeciderAsync(Requester decider, ApprovalView view, Func<Task<PrivilegeFacts>> targetPrivilege,
        CancellationToken ct)
    {
        var request = view.Request;
        if (Same(decider.ObjectId, request.RequesterId)) return "You made this request, so someone else must decide it.";
        if (Same(decider.ObjectId, request.TargetId)) return "This request is for your own account, so someone else must decide it.";

        var deciderRoles = await roles.GetRolesAsync(decider.ObjectId, ct);
        var isManager = view.Routing.Manager is { } manager && Same(manager.Id, decider.ObjectId);
        if (!deciderRoles.CanApprove() && !isManager)
            return $"Only TAP approvers{(options.Value.AllowManager ? $" or {view.Target.DisplayName}'s manager" : "")} can decide this request.";
        return await privileged.RefusalAsync(deciderRoles, targetPrivilege, view.Target, PrivilegedAction.Decide);
    }

    /// <summary>The manager (if allowed, and able to decide) and/or the approvers' channel (if one is set).</summary>
    private async Task<ApprovalRouting> RouteAsync(Requester requester, Person target, Person? manager, PrivilegeFacts targetPrivilege,
        string tenantId, CancellationToken ct)
    {
        var askManager = options.Value.AllowManager && manager is { AccountEnabled: true }
            && !Same(manager.Id, requester.ObjectId) && !Same(manager.Id, target.Id)
            && privileged.Refusal(await roles.GetRolesAsync(manager.Id, ct), () => targetPrivilege, target, PrivilegedAction.Decide) is null;
        return new ApprovalRouting(askManager ? manager : null, await channels.GetAsync(tenantId, ct) is not null);
    }

    private async Task<(Person? Target, string? Problem)> TargetAsync(Requester requester, string? personId, CancellationToken ct)
    {
        if (personId is null || Same(personId, requester.ObjectId))
        {
            var self = await directory.GetPersonAsync(requester.ObjectId, ct);
            return self is null ? (null, "I couldn't find your account in the directory.") : (self, null);
        }

        if (!Guid.TryParse(personId, out _)) return (null, "That person is not in the directory.");
        var requesterRoles = await roles.GetRolesAsync(requester.ObjectId, ct);
        if ((requesterRoles & TapRoles.HelpdeskOperator) == 0 && !requesterRoles.CanApprove())
            return (null, "Only helpdesk operators can ask for a pass for someone else. You can ask for recovery help for your own account.");
        var target = await directory.GetPersonAsync(personId, ct);
        return target is null ? (null, "That person is no longer in the directory.") : (target, null);
    }

    /// <summary>Loads the people a request names, for its cards.</summary>
    private async Task<ApprovalView> ViewOfAsync(AccessRequest request, CancellationToken ct)
    {
        var target = await directory.GetPersonAsync(request.TargetId, ct) ?? Unknown(request.TargetId);
        var requester = Same(request.RequesterId, request.TargetId) ? target : await directory.GetPersonAsync(request.RequesterId, ct) ?? Unknown(request.RequesterId);
        var recipient = Same(request.RecipientId, request.TargetId) ? target : await directory.GetPersonAsync(request.RecipientId, ct) ?? Unknown(request.RecipientId);
        string? deciderName = null;
        if (request.Decision is { } d) deciderName = (await directory.GetPersonAsync(d.DeciderId, ct))?.DisplayName ?? "an approver";
        var manager = options.Value.AllowManager ? await directory.GetManagerAsync(request.TargetId, ct) : null;
        var channel = await channels.GetAsync(request.TenantId, ct) is not null;
        return new ApprovalView(request, target, requester, recipient, deciderName, new ApprovalRouting(manager, channel));
    }

    private async Task<Person> PersonOrNameAsync(Requester requester, CancellationToken ct) =>
        await directory.GetPersonAsync(requester.ObjectId, ct) ?? Unknown(requester.ObjectId, requester.DisplayName);

    private static Person Unknown(string id, string name = "Someone no longer in the directory") => new(id, "", null, name, null, false);

    private async Task<RequestOutcome> RefuseAsync(Requester requester, string? targetId, string message, CancellationToken ct)
    {
        await audit.AppendAsync(AuditEntry.Of(AuditKinds.RequestRefused, requester.ObjectId, targetId, ("reason", message)), ct);
        return new RequestOutcome.Refused(message);
    }

    private static string ForRequester(string refusal, Requester requester, Person target) =>
        Same(target.Id, requester.ObjectId) ? refusal + " Please contact your helpdesk." : refusal;

    private string NobodyToAsk(Requester requester, Person target) =>
        (Same(target.Id, requester.ObjectId) ? "There is nobody TapBot can ask to approve your request: " : $"There is nobody TapBot can ask to approve a pass for {target.DisplayName}: ") +
        (options.Value.AllowManager ? "no manager who may approve is set in the directory, and " : "") +
        "no approvers' channel is set up (an approver types **@TapBot use this channel for TAP approvals** in a channel). Please contact your helpdesk.";

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
