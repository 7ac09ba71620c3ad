using System.Text.Json.Nodes;
using TapBot.Cards;
using TapBot.Conversations;
using TapBot.Domain.Approvals;
using TapBot.Domain.Audit;
using TapBot.Domain.Ports;
using TapBot.Domain;

namespace TapBot.Teams;

/// <summary>
/// Approval cards in Teams: to the manager's 1:1 chat (with buttons: only the manager is there) and to the approvers'
/// channel (status for everyone; buttons through the card's refresh for people who may decide). Every posted copy is
/// stored so that all of them, and the requester's card, can be rewritten when the request changes.
/// </summary>
public sealed class TeamsApprovalCardPoster(
    ProactiveMessenger messenger,
    IRequestCardCopies copies,
    IApproverChannels channels,
    IPersonalChats chats,
    IAuditTrail audit,
    TapTenant tenant,
    TimeProvider time) : IApprovalCards
{
    /// <summary>Audit kinds whose actors were approvers at the time: the people a channel card refreshes for.</summary>
    private static readonly string[] ApproverKinds =
        [AuditKinds.IssueApproved, AuditKinds.RequestApproved, AuditKinds.RequestDenied, AuditKinds.Revoked, AuditKinds.ApproverChannelSet];

    public async Task<int> PostAsync(ApprovalView view, CancellationToken ct)
    {
        var copiesToPost = new List<RequestCardCopy>();
        if (view.Routing.Manager is { } manager && await messenger.OpenPersonalChatAsync(manager.Id, ct) is { } chat)
        {
            copiesToPost.Add(new RequestCardCopy(view.Request.Id, RequestCardRole.Manager, manager.Id, chat.Address, ""));
        }

        if (view.Routing.ToApproversChannel && await channels.GetAsync(tenant.Id, ct) is { } channel)
        {
            copiesToPost.Add(new RequestCardCopy(view.Request.Id, RequestCardRole.ApproversChannel, null, channel.Address, ""));
        }

        var refreshFor = await RefreshUsersAsync(view, ct);
        var posted = 0;
        foreach (var copy in copiesToPost)
        {
            var messageId = await messenger.SendAsync(ProactiveMessenger.Of(copy), CardFor(copy.Role, view, refreshFor), Summary(view), ct);
            if (messageId is null) continue;
            await copies.AddAsync(copy with { MessageId = messageId }, ct);
            posted++;
        }

        return posted;
    }

    public async Task UpdateAllAsync(ApprovalView view, CancellationToken ct)
    {
        var pending = view.Request.Status == Domain.Requests.RequestStatus.Pending;
        IReadOnlyList<string> refreshFor = pending ? await RefreshUsersAsync(view, ct) : [];
        foreach (var copy in await copies.ListAsync(view.Request.Id, ct))
        {
            await messenger.UpdateAsync(ProactiveMessenger.Of(copy), copy.MessageId, CardFor(copy.Role, view, refreshFor), Summary(view), ct);
        }
    }

    /// <summary>What each copy shows: the requester their status; the manager (alone in a 1:1 chat) the buttons; the channel the status.</summary>
    private static JsonObject CardFor(RequestCardRole role, ApprovalView view, IReadOnlyList<string> refreshFor) => role switch
    {
        RequestCardRole.Requester => RequestCards.ForRequester(view),
        RequestCardRole.Manager => RequestCards.Approval(view, withButtons: true, refreshFor),
        _ => RequestCards.Approval(view, withButtons: false, refreshFor),
    };

    public async Task RemindAsync(ApprovalView view, CancellationToken ct)
    {
        foreach (var copy in (await copies.ListAsync(view.Request.Id, ct)).Where(c => c.Role != RequestCardRole.Requester))
        {
            await messenger.SendAsync(ProactiveMessenger.Of(copy), RequestCards.Reminder(view), "Reminder: a TAP request is waiting", ct);
        }
    }

    /// <summary>
    /// Teams ids ("29:…") of people likely to decide: the manager, and approvers who acted recently. Everyone else
    /// sees the status; anyone may still ask for their own view with "Refresh card", checked when they click.
    /// </summary>
    private async Task<IReadOnlyList<string>> RefreshUsersAsync(ApprovalView view, CancellationToken ct)
    {
        var people = new List<string>();
        if (view.Routing.Manager is { } manager) people.Add(manager.Id);
        people.AddRange(await audit.RecentActorsAsync(ApproverKinds, time.GetUtcNow().AddDays(-90), RequestCards.MaxRefreshUsers, ct));
        var candidates = people.Where(p => p != view.Request.RequesterId && p != view.Request.TargetId && p != AuditKinds.SystemActor)
            .Distinct(StringComparer.OrdinalIgnoreCase).Take(RequestCards.MaxRefreshUsers).ToList();
        var known = await chats.FindManyAsync(tenant.Id, candidates, ct);
        return candidates.Select(id => known.FirstOrDefault(c => string.Equals(c.PersonId, id, StringComparison.OrdinalIgnoreCase))?.UserId)
            .OfType<string>().ToList();
    }

    private static string Summary(ApprovalView view) => $"TAP request for {view.Target.DisplayName}";
}
