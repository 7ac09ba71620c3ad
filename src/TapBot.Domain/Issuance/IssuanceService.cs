using TapBot.Domain.Refusals;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using TapBot.Domain.Audit;
using TapBot.Domain.Passes;
using TapBot.Domain.People;
using TapBot.Domain.Ports;
using TapBot.Domain.Requests;
using TapBot.Domain.Roles;

namespace TapBot.Domain.Issuance;

/// <summary>
/// "issue TAP for X" by an approver: who may, for whom, within which bounds, and the order that leaves nothing
/// half-done: check everything, make sure the code can reach the recipient privately, create the pass, deliver it,
/// and delete it again if delivery fails. Every step is audited; the code is never stored or logged.
/// </summary>
public sealed class IssuanceService(
    IDirectory directory,
    IIssuancePreflight preflight,
    RoleResolver roles,
    PrivilegedTargets privileged,
    IRequestStore requests,
    IAuditTrail audit,
    IPasscodeDelivery delivery,
    RecipientResolver recipients,
    PassIssuer issuer,
    Entitlements.EntitlementService entitlements,
    ReasonCheck reasons,
    Limits.AbuseLimits limits,
    IOptions<IssuanceOptions> options,
    TimeProvider time)
{
    /// <summary>Lifetimes the form offers, where the policy and the ceiling allow them.</summary>
    private static readonly int[] StandardLifetimes = [10, 30, 60, 120, 240, 480, 720, 1440, 2880, 10080, 43200];

    public const int MaxReasonLength = ReasonRules.MaxLength;

    /// <summary>
    /// For an address (UPN), the pre-flight by it with the requester's roles, one round trip that also answers "is
    /// this requester an approver?" for the rest of the turn (<see cref="RoleResolver"/>); null for a name or bad text.
    /// </summary>
    public async Task<Preflight?> ReadAheadAsync(Requester requester, string? personText, CancellationToken ct)
    {
        if (PersonQuery.TryParse(personText, out _) is not { IsAddress: true } query) return null;
        var found = await preflight.GetAsync(new PreflightQuery(requester.ObjectId, roles.WantedObjectIds, query.Text), ct);
        if (found.RequesterMemberships.Failure is null) roles.Remember(requester.ObjectId, found.RequesterMemberships.Value);
        return found;
    }

    /// <param name="readAhead">What <see cref="ReadAheadAsync"/> read for this text in this turn, or null to read it now.</param>
    public async Task<PrepareOutcome> PrepareAsync(Requester requester, string? personText, CancellationToken ct, Preflight? readAhead = null)
    {
        var query = PersonQuery.TryParse(personText, out var problem);
        // An address goes into the pre-flight with the requester's roles: one round trip. A name is searched first.
        var found = readAhead ?? (query is { IsAddress: true }
            ? await preflight.GetAsync(new PreflightQuery(requester.ObjectId, roles.WantedObjectIds, query.Text), ct)
            : null);
        var requesterRoles = found is null ? await roles.GetRolesAsync(requester.ObjectId, ct) : roles.Remember(requester.ObjectId, found.RequesterMemberships.Value);
        if (!requesterRoles.CanApprove())
        {
            await RefusedAsync(requester, null, "not an approver", ct);
            return new PrepareOutcome.Refused(Refuse.NotApproverToIssue());
        }

        if (query is null)
        {
            await RefusedAsync(requester, null, problem!.Message, ct);
            return new PrepareOutcome.Refused(problem);
        }

        if (found?.Target.Value is { } byAddress) return await PrepareForAsync(requester, requesterRoles, byAddress, found, ct);

        // A name, or an address that is nobody's UPN (it may be a mail address): search.
        if (!(await directory.FindOneAsync(query, ct)).Picked(out var exact, out var miss)) return new PrepareOutcome.Unresolved(miss);
        return await PrepareForAsync(requester, requesterRoles, exact, null, ct);
    }

    /// <summary>The form for a person picked by id; the id is re-read from the directory.</summary>
    public async Task<PrepareOutcome> PrepareForIdAsync(Requester requester, string personId, CancellationToken ct)
    {
        // One round trip: the requester's roles and everything the rules read about the person, fetched together.
        var found = Guid.TryParse(personId, out _) ? await preflight.GetAsync(requester.ObjectId, roles.WantedObjectIds, personId, ct) : null;
        var requesterRoles = found is null ? await roles.GetRolesAsync(requester.ObjectId, ct) : roles.Remember(requester.ObjectId, found.RequesterMemberships.Value);
        if (!requesterRoles.CanApprove())
        {
            await RefusedAsync(requester, null, "not an approver", ct);
            return new PrepareOutcome.Refused(Refuse.NotApproverToIssue());
        }

        var person = found?.Target.Value;
        if (person is null)
        {
            await RefusedAsync(requester, null, "person not in the directory", ct);
            return new PrepareOutcome.Refused(Refuse.PersonGone());
        }

        return await PrepareForAsync(requester, requesterRoles, person, found, ct);
    }

    /// <param name="sourceKey">
    /// The clicked card (conversation and message). A second click, or Teams retrying the invoke, finds the request
    /// this key started and answers with it: one form, at most one pass and one delivery.
    /// </param>
    public async Task<IssueOutcome> IssueAsync(Requester requester, string tenantId, IssueChoice choice, string? sourceKey, CancellationToken ct)
    {
        if (sourceKey is not null && await requests.FindBySourceKeyAsync(sourceKey, ct) is { } earlier)
        {
            return await AlreadyStartedAsync(earlier, ct);
        }

        // Everything is decided again from the directory, live (never from a cache): the form may be old, and its data
        // is untrusted. One round trip: the requester's roles and everything the rules read about the person.
        var found = Guid.TryParse(choice.PersonId, out _) ? await preflight.GetAsync(requester.ObjectId, roles.WantedObjectIds, choice.PersonId, ct) : null;
        var requesterRoles = found is null ? await roles.GetRolesAsync(requester.ObjectId, ct) : roles.Remember(requester.ObjectId, found.RequesterMemberships.Value);
        if (!requesterRoles.CanApprove()) return await RefuseAsync(requester, null, Refuse.NotApproverToIssue(), ct);

        var target = found?.Target.Value;
        if (target is null) return await RefuseAsync(requester, null, Refuse.PersonGone(), ct);

        var (policy, refusal) = Check(requester, requesterRoles, target, found!);
        if (refusal is not null)
        {
            await RefusedAsync(requester, target.Id, refusal.Message, ct);
            return new IssueOutcome.Refused(refusal);
        }

        var range = LifetimeRange.For(policy!, options.Value);
        if (!range.Contains(choice.LifetimeInMinutes))
        {
            return await RefuseAsync(requester, target.Id, $"The lifetime must be between {range.Minimum} and {range.Ceiling} minutes.", ct, mayRetry: true,
                code: "LifetimeRange", args: [range.Minimum, range.Ceiling]);
        }

        var reason = (choice.Reason ?? "").Trim();
        if (await reasons.ProblemAsync(reason, AuditKinds.IssueRefused, requester, target.Id, ct) is { } reasonProblem)
            return new IssueOutcome.Refused(reasonProblem)
            {
                MayRetry = reasonProblem != ReasonCheck.PatternTimedOut, Code = ReasonRules.CodeOf(reasonProblem).Code, Args = ReasonRules.CodeOf(reasonProblem).Args,
            };

        var now = time.GetUtcNow();
        if (StartProblem(choice.StartsAt, now) is { } startProblem)
            return await RefuseAsync(requester, target.Id, startProblem.Message, ct, mayRetry: true, code: startProblem.Code, args: startProblem.Args);

        var (recipient, recipientProblem) = await recipients.ResolveAsync(choice.Recipient, requester, target, ct);
        if (recipient is null)
        {
            return await RefuseAsync(requester, target.Id, recipientProblem!.Message, ct, mayRetry: true, code: recipientProblem.Code, args: [.. recipientProblem.Args]);
        }

        // Private delivery must be possible before anything exists: no orphan pass.
        if (!await delivery.EnsureReachableAsync(recipient.Id, ct))
        {
            await RefusedAsync(requester, target.Id, "recipient unreachable", ct);
            return new IssueOutcome.Refused(Refuse.Unreachable(recipient));
        }

        var request = AccessRequest.Create(RequestKind.DirectIssuance, tenantId, requester.ObjectId, target.Id, recipient.Id,
            choice.LifetimeInMinutes, choice.StartsAt is { } s && s > now ? s : null, policy!.IsUsableOnce || choice.IsUsableOnce, reason, now,
            TimeSpan.FromMinutes(5), sourceKey);
        // Granting a pass is where the abuse limits count it (per person per day, per approver per hour).
        if (await limits.CheckAndRecordPassGrantAsync(target, requester, request.Id.ToString(), ct) is { } limit)
            return new IssueOutcome.Refused(limit.ToString()) { Limit = limit };
        request.ApproveAsIssuer(now);
        try
        {
            await requests.AddAsync(request, ct);
        }
        catch (DuplicateRequestException)
        {
            await limits.ReleasePassGrantAsync(target.Id, requester.ObjectId, request.Id.ToString(), now, ct);
            // Two clicks at the same moment: the other one is issuing; this one reports on it.
            return await AlreadyStartedAsync((await requests.FindBySourceKeyAsync(sourceKey!, ct))!, ct);
        }

        await audit.AppendAsync(PassIssuer.Audit(AuditKinds.IssueApproved, requester.ObjectId, request), ct);
        return options.Value.Delivery == PasscodeDelivery.RevealOnDemand
            ? await entitlements.GrantAsync(request, target, recipient, requester, ct)
            : await issuer.CreateAndDeliverAsync(request, target, recipient, requester, ct);
    }


    private (string Message, string Code, object[] Args)? StartProblem(DateTimeOffset? startsAt, DateTimeOffset now)
    {
        if (startsAt is not { } start) return null;
        // A few minutes of slack: the form was filled in a moment ago, and clocks differ.
        if (start < now.AddMinutes(-5)) return ("The start is in the past. Choose a later date and time, or start now.", "StartInPast", []);
        var days = options.Value.MaxStartDelayDays;
        return start > now.AddDays(days) ? ($"A pass can start at most {days} days from now.", "StartTooLate", [days]) : null;
    }

    private async Task<IssueOutcome> AlreadyStartedAsync(AccessRequest earlier, CancellationToken ct)
    {
        switch (earlier.Status)
        {
            case RequestStatus.Delivered:
                var target = await directory.GetPersonAsync(earlier.TargetId, ct);
                var issuedBy = await directory.GetPersonAsync(earlier.RequesterId, ct);
                var recipient = earlier.RecipientId == earlier.TargetId ? target : await directory.GetPersonAsync(earlier.RecipientId, ct);
                return target is null
                    ? Already(Refuse.FormUsedIssued())
                    : new IssueOutcome.Issued(earlier, target, issuedBy?.DisplayName ?? "another approver") { Recipient = recipient };
            case RequestStatus.Entitled:
                return Already(Refuse.FormUsedEntitled());
            case RequestStatus.Approved or RequestStatus.Issued:
                return Already(Refuse.FormBeingIssued());
            case RequestStatus.Revoked:
                return Already(Refuse.FormUsedRevoked());
            default:
                return Already(Refuse.FormUsedFailed(earlier.FailureReason ?? earlier.Status.ToString()));
        }
    }

    /// <param name="found">The pre-flight already fetched for this requester and target, or null to fetch it now.</param>
    private async Task<PrepareOutcome> PrepareForAsync(Requester requester, TapRoles requesterRoles, Person target, Preflight? found, CancellationToken ct)
    {
        found ??= await PreflightAsync(requester, target, ct);
        var (policy, refusal) = Check(requester, requesterRoles, target, found);
        if (refusal is not null)
        {
            await RefusedAsync(requester, target.Id, refusal.Message, ct);
            return new PrepareOutcome.Refused(refusal);
        }

        var existing = found.CurrentPass.Value;
        var warnings = new List<FormWarning>();
        if (existing is { IsUsable: true }) warnings.Add(new(FormWarningKind.UsablePass, target.DisplayName, existing.ExpiresAt));
        if (target.IsGuest) warnings.Add(new(FormWarningKind.Guest, target.DisplayName));
        if (!await delivery.CanReachAsync(target.Id, ct)) warnings.Add(new(FormWarningKind.NoChat, target.DisplayName));

        var range = LifetimeRange.For(policy!, options.Value);
        if (range.Problem(options.Value) is { } rangeProblem)
        {
            await RefusedAsync(requester, target.Id, rangeProblem.Message, ct);
            return new PrepareOutcome.Refused(rangeProblem);
        }

        var lifetimes = StandardLifetimes.Append(range.Minimum).Append(range.Default).Where(range.Contains).Distinct().Order().ToList();
        return new PrepareOutcome.Form(new IssueForm(target, lifetimes, range.Default, policy!.IsUsableOnce, existing, warnings)
        {
            Recipients = options.Value.Recipients, MaxStartDelayDays = options.Value.MaxStartDelayDays, ReasonRequired = options.Value.RequireReason,
        });
    }

    /// <summary>Everything about the target in one round trip; the requester's roles are already known.</summary>
    private Task<Preflight> PreflightAsync(Requester requester, Person target, CancellationToken ct) =>
        preflight.GetAsync(requester.ObjectId, [], target.Id, ct);

    /// <summary>
    /// The rules, in the order a person would ask them; the first that fails is the answer. A part of the pre-flight
    /// that could not be fetched raises its error only when its rule is reached.
    /// </summary>
    private (TapPolicy? Policy, Refusal? Refusal) Check(Requester requester, TapRoles requesterRoles, Person target, Preflight found)
    {
        if (string.Equals(target.Id, requester.ObjectId, StringComparison.OrdinalIgnoreCase))
            return (null, Refuse.SelfIssue());
        var (policy, refusal) = TargetEligibility.Check(target, found);
        if (refusal is not null) return (policy, refusal);

        return (policy, privileged.Refusal(requesterRoles, () => found.TargetPrivilege, target, PrivilegedAction.Issue));
    }


    private static IssueOutcome Already(Refusal why) => new IssueOutcome.Refused(why);

    /// <summary>A refusal at submit time, audited like every other refusal.</summary>
    private async Task<IssueOutcome> RefuseAsync(Requester requester, string? targetId, string message, CancellationToken ct, bool mayRetry = false,
        string? code = null, object[]? args = null)
    {
        await RefusedAsync(requester, targetId, message, ct);
        return new IssueOutcome.Refused(message) { MayRetry = mayRetry, Code = code, Args = args ?? [] };
    }

    private Task<IssueOutcome> RefuseAsync(Requester requester, string? targetId, Refusal why, CancellationToken ct) =>
        RefuseAsync(requester, targetId, why.Message, ct, code: why.Code, args: [.. why.Args]);

    private Task RefusedAsync(Requester requester, string? targetId, string reason, CancellationToken ct) =>
        audit.AppendAsync(AuditEntry.Of(AuditKinds.IssueRefused, requester.ObjectId, targetId, ("reason", reason)), ct);
}
