using TapBot.Cards;
using TapBot.Domain;
using TapBot.Domain.Approvals;
using TapBot.Domain.Issuance;
using TapBot.Domain.Roles;

namespace TapBot.Commands;

/// <summary>
/// "issue TAP for X": approvers get the issue form; helpdesk operators who are not approvers get a request for approval.
/// </summary>
public sealed class IssueCommandHandler(RoleResolver roles, IssuanceService issuance, RequestFormService requestForms, TapTenant tenant)
    : ChatCommandHandler<BotCommand.Issue>
{
    protected override async Task<CardReply> AnswerAsync(BotCommand.Issue command, ChatCommandContext context, CancellationToken ct)
    {
        // An address: the requester's roles come in the same round trip as everything the form needs about the person.
        var readAhead = await issuance.ReadAheadAsync(context.Requester, command.PersonText, ct);
        var held = await roles.GetRolesAsync(context.Requester.ObjectId, ct);
        return !held.CanApprove() && (held & TapRoles.HelpdeskOperator) != 0
            ? OutcomeReplies.Request(await requestForms.PrepareForQueryAsync(context.Requester, tenant.Id, command.PersonText, ct))
            : OutcomeReplies.IssueForm(await issuance.PrepareAsync(context.Requester, command.PersonText, ct, readAhead));
    }
}

/// <summary>"revoke TAP for X": a confirmation card (nothing is deleted until it is clicked).</summary>
public sealed class RevokeCommandHandler(RevocationService revocation) : ChatCommandHandler<BotCommand.Revoke>
{
    protected override async Task<CardReply> AnswerAsync(BotCommand.Revoke command, ChatCommandContext context, CancellationToken ct) =>
        OutcomeReplies.Revoke(await revocation.PrepareAsync(context.Requester, command.PersonText, ct), context.Requester);
}

/// <summary>"I lost my phone": the request form for the requester's own account.</summary>
public sealed class RequestHelpCommandHandler(RequestFormService requestForms, TapTenant tenant) : ChatCommandHandler<BotCommand.RequestHelp>
{
    protected override async Task<CardReply> AnswerAsync(BotCommand.RequestHelp command, ChatCommandContext context, CancellationToken ct) =>
        OutcomeReplies.Request(await requestForms.PrepareAsync(context.Requester, tenant.Id, null, ct));
}
