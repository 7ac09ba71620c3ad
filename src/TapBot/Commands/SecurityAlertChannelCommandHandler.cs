using TapBot.Cards;
using TapBot.Conversations;
using TapBot.Domain;
using TapBot.Domain.Audit;
using TapBot.Domain.Ports;
using TapBot.Domain.Roles;

namespace TapBot.Commands;

/// <summary>
/// "use this channel for TAP security alerts", typed by an approver in a Teams channel: abuse-limit alerts are posted
/// there. Replaces a previous choice; audited. Modelled on <see cref="ApproverChannelCommandHandler"/>.
/// </summary>
public sealed class SecurityAlertChannelCommandHandler(RoleResolver roles, ISecurityAlertChannels channels, IAuditTrail audit, TapTenant tenant, TimeProvider time)
    : ChatCommandHandler<BotCommand.SetSecurityAlertChannel>
{
    protected override async Task<CardReply> AnswerAsync(BotCommand.SetSecurityAlertChannel command, ChatCommandContext context, CancellationToken ct)
    {
        var activity = context.Message;
        var requester = context.Requester;
        if (activity.Conversation?.ConversationType != "channel")
        {
            return new(StatusCards.Notice(Texts.Get("SecurityChannel.TypeInChannel")), Texts.Get("Summary.SecurityChannel"));
        }

        if (!(await roles.GetRolesAsync(requester.ObjectId, ct)).CanApprove())
        {
            return new(StatusCards.Refused(Texts.Get("SecurityChannel.OnlyApprovers")), Texts.Get("Summary.SecurityChannel"));
        }

        var channel = ChannelAddress.Of(activity);
        await channels.SetAsync(new SecurityAlertChannel(tenant.Id, channel, requester.ObjectId, time.GetUtcNow()), ct);
        await audit.AppendAsync(AuditEntry.Of(AuditKinds.SecurityAlertChannelSet, requester.ObjectId, null, ("conversation", channel.ConversationId)), ct);
        return new(StatusCards.Notice(Texts.Get("SecurityChannel.Done", CardText.Escape(requester.DisplayName))),
            Texts.Get("Summary.SecurityChannelSet"));
    }
}
