using TapBot.Domain.Approvals;
using TapBot.Domain.Entitlements;
using TapBot.Domain.Issuance;
using TapBot.Domain.Requests;
using TapBot.Domain.Status;

namespace TapBot.CardTests;

/// <summary>Adele's approved pass in each state of reveal on demand (fixed ids and times, so golden files are stable).</summary>
public static class EntitlementSamples
{
    private static readonly Guid Id = new("7e8f9a0b-1c2d-4e3f-8a4b-5c6d7e8f9a0b");

    public static PassEntitlement Entitlement(this Samples s, EntitlementState state, bool toManager = false, bool scheduled = false)
    {
        var now = Samples.Now;
        DateTimeOffset? start = scheduled ? now.AddDays(1).AddMinutes(-15) : null;
        var shown = state == EntitlementState.Shown;
        return PassEntitlement.Restore(Id, Samples.TenantId, s.Adele.Id, s.Adele.UserPrincipalName, s.Adele.DisplayName, toManager ? s.Megan.Id : s.Adele.Id,
            s.Megan.Id, s.Megan.DisplayName, new Guid("0f1a2b3c-4d5e-4f6a-8b7c-8d9e0f1a2b3c"), 60, start, true, s.Reason, now, (start ?? now).AddHours(24),
            state, null, shown ? Samples.Usable.Id : null, shown ? now.AddMinutes(20) : null, shown ? now.AddMinutes(20) : null,
            shown ? now.AddMinutes(80) : null, new EntitlementCard("a:1Xq3-personal-chat-adele", "1772442900000"), state == EntitlementState.Cancelled ? "revoked" : null, 3);
    }

    public static IssueOutcome.Granted Granted(this Samples s)
    {
        var request = AccessRequest.Restore(new Guid("0f1a2b3c-4d5e-4f6a-8b7c-8d9e0f1a2b3c"), RequestKind.DirectIssuance, Samples.TenantId, s.Megan.Id,
            s.Adele.Id, s.Adele.Id, 60, null, true, s.Reason, Samples.Now, Samples.Now.AddMinutes(5), RequestStatus.Entitled, null, null, null, null, null, 2);
        return new IssueOutcome.Granted(request, s.Entitlement(EntitlementState.Ready), s.Adele, s.Megan.DisplayName) { Recipient = s.Adele };
    }

    public static StatusOutcome.Found StatusWithUnshown(this Samples s) =>
        new(s.Adele, null, Samples.Now) { Unshown = s.Entitlement(EntitlementState.Ready) };

    public static ApprovalView ApprovalEntitled(this Samples s)
    {
        var view = s.Approval(RequestStatus.Pending);
        view.Request.Decide(s.Megan.Id, true, Samples.Now.AddMinutes(4));
        view.Request.MarkEntitled();
        return view with { DeciderName = s.Megan.DisplayName };
    }
}
