using Microsoft.Extensions.Options;
using TapBot.Domain.People;
using TapBot.Domain.Ports;
using TapBot.Domain.Requests;
using TapBot.Domain.Roles;

namespace TapBot.Domain.Approvals;

/// <summary>Loads the people a request names (target, requester, recipient, decider, manager) for its cards.</summary>
public sealed class ApprovalViews(IDirectory directory, IIssuancePreflight preflight, RoleResolver roles, IApproversChannelStatus approversChannel,
    IOptions<ApprovalOptions> options)
{
    public Task<ApprovalView> ViewOfAsync(AccessRequest request, CancellationToken ct) => ViewOfAsync(request, null, ct);

    /// <summary>
    /// A decision's view and everything its rules read, live, in one round trip: the decider's roles (kept for this
    /// turn), the target's pre-flight, the request's requester and recipient, and the target's manager.
    /// </summary>
    public async Task<(ApprovalView View, Preflight Found)> ForDecisionAsync(AccessRequest request, Requester decider, CancellationToken ct)
    {
        var found = await preflight.GetAsync(new PreflightQuery(decider.ObjectId, roles.WantedObjectIds, request.TargetId)
        {
            People = [request.RequesterId, request.RecipientId], WithManager = options.Value.AllowManager,
        }, ct);
        if (found.RequesterMemberships.Failure is null) roles.Remember(decider.ObjectId, found.RequesterMemberships.Value);
        return (await ViewOfAsync(request, found, ct), found);
    }

    /// <param name="found">A pre-flight that may already have read some of the people; the rest are read now.</param>
    private async Task<ApprovalView> ViewOfAsync(AccessRequest request, Preflight? found, CancellationToken ct)
    {
        async Task<Person?> PersonAsync(string id) => found?.PersonRead(id) is { } read ? read.Value : await directory.GetPersonAsync(id, ct);

        var target = await PersonAsync(request.TargetId) ?? Unknown(request.TargetId);
        var requester = Same(request.RequesterId, request.TargetId) ? target : await PersonAsync(request.RequesterId) ?? Unknown(request.RequesterId);
        var recipient = Same(request.RecipientId, request.TargetId) ? target : await PersonAsync(request.RecipientId) ?? Unknown(request.RecipientId);
        string? deciderName = null;
        if (request.Decision is { } d) deciderName = (await PersonAsync(d.DeciderId))?.DisplayName ?? "an approver";
        var manager = !options.Value.AllowManager ? null
            : found?.Manager is { } read ? read.Value : await directory.GetManagerAsync(request.TargetId, ct);
        var channel = await approversChannel.IsSetAsync(request.TenantId, ct);
        return new ApprovalView(request, target, requester, recipient, deciderName, new ApprovalRouting(manager, channel));
    }

    /// <summary>The requester as the directory knows them, or by the name Teams gave.</summary>
    public async Task<Person> PersonOrNameAsync(Requester requester, CancellationToken ct) =>
        await directory.GetPersonAsync(requester.ObjectId, ct) ?? Unknown(requester.ObjectId, requester.DisplayName);

    private static Person Unknown(string id, string name = "Someone no longer in the directory") => new(id, "", null, name, null, false);

    internal static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
