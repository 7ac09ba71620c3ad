using Microsoft.Extensions.Options;
using TapBot.Domain.People;
using TapBot.Domain.Ports;
using TapBot.Domain.Requests;

namespace TapBot.Domain.Approvals;

/// <summary>Loads the people a request names (target, requester, recipient, decider, manager) for its cards.</summary>
public sealed class ApprovalViews(IDirectory directory, IApproversChannelStatus approversChannel, IOptions<ApprovalOptions> options)
{
    public async Task<ApprovalView> ViewOfAsync(AccessRequest request, CancellationToken ct)
    {
        var target = await directory.GetPersonAsync(request.TargetId, ct) ?? Unknown(request.TargetId);
        var requester = Same(request.RequesterId, request.TargetId) ? target : await directory.GetPersonAsync(request.RequesterId, ct) ?? Unknown(request.RequesterId);
        var recipient = Same(request.RecipientId, request.TargetId) ? target : await directory.GetPersonAsync(request.RecipientId, ct) ?? Unknown(request.RecipientId);
        string? deciderName = null;
        if (request.Decision is { } d) deciderName = (await directory.GetPersonAsync(d.DeciderId, ct))?.DisplayName ?? "an approver";
        var manager = options.Value.AllowManager ? await directory.GetManagerAsync(request.TargetId, ct) : null;
        var channel = await approversChannel.IsSetAsync(request.TenantId, ct);
        return new ApprovalView(request, target, requester, recipient, deciderName, new ApprovalRouting(manager, channel));
    }

    /// <summary>The requester as the directory knows them, or by the name Teams gave.</summary>
    public async Task<Person> PersonOrNameAsync(Requester requester, CancellationToken ct) =>
        await directory.GetPersonAsync(requester.ObjectId, ct) ?? Unknown(requester.ObjectId, requester.DisplayName);

    private static Person Unknown(string id, string name = "Someone no longer in the directory") => new(id, "", null, name, null, false);

    internal static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
