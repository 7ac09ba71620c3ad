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
    ITemporaryAccessPasses passes,
    IIssuancePreflight preflight,
    RoleResolver roles,
    IRequestStore requests,
    IAuditTrail audit,
    IPasscodeDelivery delivery,
    IOptions<IssuanceOptions> options,
    TimeProvider time)
{
    /// <summary>Lifetimes the form offers, where the policy and the ceiling allow them.</summary>
    private static readonly int[] StandardLifetimes = [10, 30, 60, 120, 240, 480, 720, 1440, 2880, 10080, 43200];

    public const int MaxReasonLength = 200;

    public async Task<PrepareOutcome> PrepareAsync(Requester requester, string? personText, CancellationToken ct)
    {
        var requesterRoles = await roles.GetRolesAsync(requester.ObjectId, ct);
        if (!requesterRoles.CanApprove())
        {
            await RefusedAsync(requester, null, "not an approver", ct);
            return new PrepareOutcome.Refused(NotApprover);
        }

        var query = PersonQuery.TryParse(personText, out var problem);
        if (query is null) return new PrepareOutcome.Refused(problem!);

        var matches = await directory.FindPeopleAsync(query, 11, ct);
        var exact = PersonMatch.PickOne(query, matches);
        if (exact is null)
        {
            return matches.Count == 0
                ? new PrepareOutcome.NotFound(query.Text)
                : new PrepareOutcome.Ambiguous(query.Text, matches.Take(10).ToList());
        }

        return await PrepareForAsync(requester, requesterRoles, exact, null, ct);
    }

    /// <summary>The form for a person picked by id; the id is re-read from the directory.</summary>
    public async Task<PrepareOutcome> PrepareForIdAsync(Requester requester, string personId, CancellationToken ct)
    {
        // One round trip: the requester's roles and everything the rules read about the person, fetched together.
        var found = Guid.TryParse(personId, out _) ? await preflight.GetAsync(requester.ObjectId, roles.WantedObjectIds, personId, ct) : null;
        var requesterRoles = found is null ? await roles.GetRolesAsync(requester.ObjectId, ct) : roles.RolesFrom(found.RequesterMemberships.Value);
        if (!requesterRoles.CanApprove()) return new PrepareOutcome.Refused(NotApprover);
        var person = found?.Target.Value;
        return person is null
            ? new PrepareOutcome.Refused("That person is no longer in the directory.")
            : await PrepareForAsync(requester, requesterRoles, person, found, ct);
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

        // Everything is decided again from the directory: the form may be old, and its data is untrusted.
        var requesterRoles = await roles.GetRolesAsync(requester.ObjectId, ct);
        if (!requesterRoles.CanApprove()) return Refuse(NotApprover);

        var target = Guid.TryParse(choice.PersonId, out _) ? await directory.GetPersonAsync(choice.PersonId, ct) : null;
        if (target is null) return Refuse("That person is no longer in the directory.");

        var (policy, refusal) = await CheckAsync(requester, requesterRoles, target, ct);
        if (refusal is not null)
        {
            await RefusedAsync(requester, target.Id, refusal, ct);
            return Refuse(refusal);
        }

        var ceiling = Math.Min(policy!.MaximumLifetimeInMinutes, options.Value.MaxLifetimeInMinutes);
        if (choice.LifetimeInMinutes < policy.MinimumLifetimeInMinutes || choice.LifetimeInMinutes > ceiling)
        {
            return Refuse($"The lifetime must be between {policy.MinimumLifetimeInMinutes} and {ceiling} minutes.");
        }

        var reason = (choice.Reason ?? "").Trim();
        if (ReasonProblem(reason) is { } reasonProblem) return Refuse(reasonProblem);

        // Private delivery must be possible before anything exists: no orphan pass.
        if (!await delivery.CanReachAsync(target.Id, ct))
        {
            await RefusedAsync(requester, target.Id, "recipient unreachable", ct);
            return Refuse($"{target.DisplayName} has never opened a chat with TapBot, so the code could not reach them privately. " +
                          "Ask them to open TapBot in Teams once (or install it for them), then try again. Nothing was created.");
        }

        var now = time.GetUtcNow();
        var request = AccessRequest.Create(RequestKind.DirectIssuance, tenantId, requester.ObjectId, target.Id, target.Id,
            choice.LifetimeInMinutes, null, policy.IsUsableOnce || choice.IsUsableOnce, reason, now, TimeSpan.FromMinutes(5), sourceKey);
        request.ApproveAsIssuer(now);
        try
        {
            await requests.AddAsync(request, ct);
        }
        catch (DuplicateRequestException)
        {
            // Two clicks at the same moment: the other one is issuing; this one reports on it.
            return await AlreadyStartedAsync((await requests.FindBySourceKeyAsync(sourceKey!, ct))!, ct);
        }

        await AuditAsync(AuditKinds.IssueApproved, requester, request, ct);

        IssuedPass issued;
        try
        {
            issued = await passes.CreateAsync(target.Id, request.LifetimeInMinutes, request.StartsAt, request.IsUsableOnce, ct);
        }
        catch (DirectoryException e)
        {
            request.MarkFailed($"Graph refused: {e.GraphCode ?? e.Failure.ToString()}");
            await requests.SaveAsync(request, ct);
            await AuditAsync(AuditKinds.IssueFailed, requester, request, ct, ("graph", e.GraphMessage ?? e.Failure.ToString()));
            return Refuse(GraphRefusal(e));
        }

        request.MarkIssued(issued.Pass.Id, issued.Pass.ExpiresAt);
        await requests.SaveAsync(request, ct);
        await AuditAsync(AuditKinds.Issued, requester, request, ct, ("expires", issued.Pass.ExpiresAt.ToString("O", CultureInfo.InvariantCulture)));

        try
        {
            var receipt = await delivery.DeliverAsync(request.RecipientId, target, issued, requester, ct);
            request.MarkDelivered(receipt.ConversationId, receipt.MessageId, time.GetUtcNow());
            await requests.SaveAsync(request, ct);
            await AuditAsync(AuditKinds.Delivered, requester, request, ct);
            return new IssueOutcome.Issued(request, target, requester.DisplayName);
        }
        catch (DeliveryFailedException e)
        {
            // The code reached nobody: take the pass back so no usable code exists outside the recipient's chat.
            await passes.DeleteAsync(target.Id, issued.Pass.Id, ct);
            request.MarkFailed("delivery failed");
            await requests.SaveAsync(request, ct);
            await AuditAsync(AuditKinds.IssueFailed, requester, request, ct, ("delivery", e.Message));
            return Refuse($"The code could not be delivered to {target.DisplayName} privately, so the pass was deleted again. Nothing is left behind.");
        }
    }

    private async Task<IssueOutcome> AlreadyStartedAsync(AccessRequest earlier, CancellationToken ct)
    {
        switch (earlier.Status)
        {
            case RequestStatus.Delivered:
                var target = await directory.GetPersonAsync(earlier.TargetId, ct);
                var issuer = await directory.GetPersonAsync(earlier.RequesterId, ct);
                return target is null
                    ? Refuse("This form was already used; the pass was issued.")
                    : new IssueOutcome.Issued(earlier, target, issuer?.DisplayName ?? "another approver");
            case RequestStatus.Approved or RequestStatus.Issued:
                return Refuse("This form was already submitted and the pass is being issued; nothing more was created.");
            case RequestStatus.Revoked:
                return Refuse("This form was already used, and the pass it issued has been revoked since. Type **issue TAP for** and the person to start again.");
            default:
                return Refuse($"This form was already used and issuing did not complete ({earlier.FailureReason ?? earlier.Status.ToString()}). Type **issue TAP for** and the person to start again.");
        }
    }

    /// <param name="found">The pre-flight already fetched for this requester and target, or null to fetch it now.</param>
    private async Task<PrepareOutcome> PrepareForAsync(Requester requester, TapRoles requesterRoles, Person target, Preflight? found, CancellationToken ct)
    {
        found ??= await PreflightAsync(requester, target, ct);
        var (policy, refusal) = Check(requester, requesterRoles, target, found);
        if (refusal is not null)
        {
            await RefusedAsync(requester, target.Id, refusal, ct);
            return new PrepareOutcome.Refused(refusal);
        }

        var existing = found.CurrentPass.Value;
        var warnings = new List<string>();
        if (existing is { IsUsable: true }) warnings.Add($"{target.DisplayName} already holds a usable pass (until {existing.ExpiresAt:u}); issuing replaces it.");
        if (target.IsGuest) warnings.Add($"{target.DisplayName} is an internal guest.");
        if (!await delivery.CanReachAsync(target.Id, ct))
        {
            warnings.Add($"{target.DisplayName} has not opened a chat with TapBot yet: the code cannot be delivered until they do.");
        }

        var ceiling = Math.Min(policy!.MaximumLifetimeInMinutes, options.Value.MaxLifetimeInMinutes);
        if (ceiling < policy.MinimumLifetimeInMinutes)
        {
            return new PrepareOutcome.Refused($"TapBot's own ceiling ({options.Value.MaxLifetimeInMinutes} minutes, Issuance:MaxLifetimeInMinutes) is below the tenant policy's minimum ({policy.MinimumLifetimeInMinutes} minutes); an administrator must change one of them.");
        }

        var defaultLifetime = Math.Clamp(policy.DefaultLifetimeInMinutes, policy.MinimumLifetimeInMinutes, ceiling);
        var lifetimes = StandardLifetimes.Append(policy.MinimumLifetimeInMinutes).Append(defaultLifetime)
            .Where(m => m >= policy.MinimumLifetimeInMinutes && m <= ceiling).Distinct().Order().ToList();
        return new PrepareOutcome.Form(new IssueForm(target, lifetimes, defaultLifetime, policy.IsUsableOnce, existing, warnings));
    }

    private async Task<(TapPolicy? Policy, string? Refusal)> CheckAsync(Requester requester, TapRoles requesterRoles, Person target, CancellationToken ct) =>
        Check(requester, requesterRoles, target, await PreflightAsync(requester, target, ct));

    /// <summary>Everything about the target in one round trip; the requester's roles are already known.</summary>
    private Task<Preflight> PreflightAsync(Requester requester, Person target, CancellationToken ct) =>
        preflight.GetAsync(requester.ObjectId, [], target.Id, ct);

    /// <summary>
    /// The rules, in the order a person would ask them; the first that fails is the answer. A part of the pre-flight
    /// that could not be fetched raises its error only when its rule is reached.
    /// </summary>
    private static (TapPolicy? Policy, string? Refusal) Check(Requester requester, TapRoles requesterRoles, Person target, Preflight found)
    {
        if (string.Equals(target.Id, requester.ObjectId, StringComparison.OrdinalIgnoreCase))
            return (null, "You can't issue a Temporary Access Pass for yourself. Ask another approver, or ask for recovery help.");
        if (!target.AccountEnabled) return (null, $"{target.DisplayName}'s account is disabled, so they cannot get a pass.");
        if (target.IsExternalGuest) return (null, $"{target.DisplayName} is an external guest; Entra gives passes to members and internal guests only.");

        var policy = found.Policy.Value;
        if (!policy.IsEnabled) return (policy, "The tenant's Temporary Access Pass policy is off, so no pass can be issued. An administrator can enable it in the Entra admin center.");
        if (!InScope(policy, target, found.PolicyGroupMemberships.Value)) return (policy, $"{target.DisplayName} is outside the tenant's Temporary Access Pass policy (not included, or excluded).");

        if (!RoleResolver.MayActFor(requesterRoles, found.TargetPrivilege))
            return (policy, $"{target.DisplayName} holds an administrator role or is in a role-assignable group; only a privileged approver can issue them a pass.");
        return (policy, null);
    }

    /// <param name="memberOf">Which of the policy's target ids the person is a member of, transitively.</param>
    private static bool InScope(TapPolicy policy, Person target, IReadOnlySet<string> memberOf)
    {
        bool Matches(PolicyTarget t) => t.Id == "all_users" || string.Equals(t.Id, target.Id, StringComparison.OrdinalIgnoreCase) || memberOf.Contains(t.Id);
        return policy.IncludeTargets.Any(Matches) && !policy.ExcludeTargets.Any(Matches);
    }

    private string? ReasonProblem(string reason)
    {
        var o = options.Value;
        if (reason.Length == 0) return o.RequireReason ? "Give a reason or ticket number: it goes into the audit trail." : null;
        if (reason.Length > MaxReasonLength) return $"Keep the reason under {MaxReasonLength} characters.";
        if (reason.Any(char.IsControl)) return "The reason must be plain text on one line.";
        if (o.ReasonPattern is { Length: > 0 } pattern && !Regex.IsMatch(reason, pattern, RegexOptions.None, TimeSpan.FromMilliseconds(100)))
            return "The reason must be a ticket number in your organization's format.";
        return null;
    }

    private static string GraphRefusal(DirectoryException e) => e.Failure switch
    {
        DirectoryFailure.Throttled => "Microsoft Entra is busy right now and asked me to slow down. No pass was created; please try again in a minute.",
        DirectoryFailure.Unavailable => "I couldn't reach Microsoft Entra. No pass was created; please try again in a minute.",
        DirectoryFailure.AccessDenied => "Microsoft Entra refused: TapBot's app may not create passes for this person. No pass was created. An admin can run doctor to check TapBot's permissions.",
        _ when e.GraphMessage?.StartsWith("Invalid LifetimeInMinutes", StringComparison.Ordinal) == true =>
            "Microsoft Entra refused the lifetime: " + e.GraphMessage + " No pass was created.",
        _ when e.GraphMessage?.Contains("Converged UserCredentialPolicy", StringComparison.Ordinal) == true =>
            "Microsoft Entra's policy does not allow a pass for this person (the policy may have just changed). No pass was created.",
        _ => "Microsoft Entra refused to create the pass. No pass was created.",
    };

    private const string NotApprover = "Only TAP approvers can issue a Temporary Access Pass. If someone needs one, ask an approver, or the person can ask for recovery help.";

    private static IssueOutcome Refuse(string message) => new IssueOutcome.Refused(message);

    private Task RefusedAsync(Requester requester, string? targetId, string reason, CancellationToken ct) =>
        audit.AppendAsync(AuditEntry.Of(AuditKinds.IssueRefused, requester.ObjectId, targetId, ("reason", reason)), ct);

    private Task AuditAsync(string kind, Requester requester, AccessRequest request, CancellationToken ct, params (string Key, string Value)[] extra) =>
        audit.AppendAsync(AuditEntry.Of(kind, requester.ObjectId, request.TargetId,
            [("request", request.Id.ToString()), ("recipient", request.RecipientId), ("lifetimeMinutes", request.LifetimeInMinutes.ToString(CultureInfo.InvariantCulture)),
             ("oneTime", request.IsUsableOnce ? "yes" : "no"), ("reason", request.Reason), .. extra]), ct);
}
