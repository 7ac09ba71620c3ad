using Microsoft.Bot.Schema;
using Microsoft.Bot.Schema.Teams;
using TapBot.Cards;
using TapBot.Conversations;
using TapBot.Domain;
using TapBot.Domain.Audit;
using TapBot.Domain.Ports;
using TapBot.Domain.Roles;

namespace TapBot.Commands;

/// <summary>
/// "use this channel for TAP approvals", typed by an approver in a Teams channel: the channel (and where to post
/// in it) is stored, so approval cards can go there. Replaces a previous choice; audited.
/// </summary>
public sealed class ApproverChannelCommandHandler(RoleResolver roles, IApproverChannels channels, IAuditTrail audit, TapTenant tenant, TimeProvider time)
    : ChatCommandHandler<BotCommand.SetApproverChannel>
{
    protected override async Task<CardReply> AnswerAsync(BotCommand.SetApproverChannel command, ChatCommandContext context, CancellationToken ct)
    {
        var activity = context.Message;
        var requester = context.Requester;
        if (activity.Conversation?.ConversationType != "channel")
        {
            return new(StatusCards.Notice(Texts.Get("ApproverChannel.TypeInChannel")), Texts.Get("Summary.ApproverChannel"));
        }

        if (!(await roles.GetRolesAsync(requester.ObjectId, ct)).CanApprove())
        {
            await audit.AppendAsync(AuditEntry.Of(AuditKinds.ApproverChannelRefused, requester.ObjectId, null, ("reason", "not an approver")), ct);
            return new(StatusCards.Refused(Texts.Get("ApproverChannel.OnlyApprovers")), Texts.Get("Summary.ApproverChannel"));
        }

        var channel = ChannelAddress.Of(activity);
        var teamId = (activity as Activity)?.GetChannelData<TeamsChannelData>()?.Team?.Id;
        await channels.SetAsync(new ApproverChannel(tenant.Id, channel, teamId, requester.ObjectId, time.GetUtcNow()), ct);
        await audit.AppendAsync(AuditEntry.Of(AuditKinds.ApproverChannelSet, requester.ObjectId, null, ("conversation", channel.ConversationId)), ct);
        return new(StatusCards.Notice(Texts.Get("ApproverChannel.Done", CardText.Escape(requester.DisplayName))),
            Texts.Get("Summary.ApproverChannelSet"));
    }
}
