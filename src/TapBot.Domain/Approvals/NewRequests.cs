using Microsoft.Extensions.Options;
using TapBot.Domain.Issuance;
using TapBot.Domain.Passes;
using TapBot.Domain.People;
using TapBot.Domain.Requests;

namespace TapBot.Domain.Approvals;

/// <summary>
/// A request's fixed terms, which nobody picks: the policy's default lifetime within TapBot's ceiling, one-time use,
/// starting now, to be decided within <see cref="ApprovalOptions.ExpiresAfterMinutes"/>.
/// </summary>
public sealed class NewRequests(IOptions<ApprovalOptions> options, IOptions<IssuanceOptions> issuance, TimeProvider time)
{
    /// <summary>The new (not yet stored) request, or null with why the policy leaves no lifetime to give it.</summary>
    public (AccessRequest? Request, Refusals.Refusal? Problem) Create(Requester requester, string tenantId, Person target, Person recipient, TapPolicy policy,
        string reason, string? sourceKey)
    {
        var range = LifetimeRange.For(policy, issuance.Value);
        if (range.Problem(issuance.Value) is { } problem) return (null, problem);
        var kind = target.Id == requester.ObjectId ? RequestKind.Recovery : RequestKind.OnBehalf;
        return (AccessRequest.Create(kind, tenantId, requester.ObjectId, target.Id, recipient.Id, range.Default, null, isUsableOnce: true, reason,
            time.GetUtcNow(), TimeSpan.FromMinutes(options.Value.ExpiresAfterMinutes), sourceKey), null);
    }
}
