using Microsoft.Bot.Schema;
using TapBot.Cards;
using TapBot.Domain;
using TapBot.Domain.Ports;
using TapBot.Domain.Issuance;
using TapBot.Domain.Status;
using TapBot.Domain.Approvals;
using TapBot.Domain.Audit;
using TapBot.Domain.Roles;
using TapBot.Teams;

namespace TapBot.Commands;

/// <summary>Answers a parsed chat command with a card.</summary>
public sealed class ChatCommands(
    TapStatusService status,
    IssuanceService issuance,
    RevocationService revocation,
    ApprovalService approvals,
    AuditQueryService auditQuery,
    RoleResolver roles,
    TapTenant tenant,
    ITemporaryAccessPasses passes,
    TimeProvider time,
    ILogger<ChatCommands> logger)
{
    public async Task<IMessageActivity> AnswerAsync(BotCommand command, Requester requester, CancellationToken ct)
    {
        try
        {
            return command switch
            {
                BotCommand.Help => CardResponses.Activity(HelpCard.Build(), "TapBot help"),
                BotCommand.Status s => StatusReply(s.PersonText is null
                    ? await status.ForSelfAsync(requester, ct)
                    : await status.ForQueryAsync(requester, s.PersonText, ct)),
                BotCommand.Issue i => await IssueOrRequestAsync(requester, i.PersonText, ct),
                BotCommand.RequestHelp => RequestReply(await approvals.PrepareAsync(requester, tenant.Id, null, ct)),
                BotCommand.Audit a => AuditReply(await auditQuery.ForQueryAsync(requester, a.PersonText, ct)),
                BotCommand.Revoke r => RevokeReply(await revocation.PrepareAsync(requester, r.PersonText, ct), requester),
                BotCommand.Policy => CardResponses.Activity(PolicyCard.Build(await passes.GetPolicyAsync(ct), time.GetUtcNow()), "TAP policy"),
                BotCommand.Unknown => CardResponses.Activity(
                    HelpCard.Build("Sorry, I didn't understand that. Here is what I can do:"), "TapBot help"),
                _ => throw new InvalidOperationException($"No answer for {command.GetType().Name}."),
            };
        }
        catch (DirectoryException e)
        {
            logger.LogWarning(e, "Directory call failed ({Failure}) for {Command}", e.Failure, command.GetType().Name);
            return CardResponses.Activity(ProblemCards.Directory(e), "TapBot could not reach Microsoft Entra");
        }
    }

    /// <summary>Approvers get the issue form; helpdesk operators who are not approvers get a request for approval.</summary>
    private async Task<IMessageActivity> IssueOrRequestAsync(Requester requester, string personText, CancellationToken ct)
    {
        var held = await roles.GetRolesAsync(requester.ObjectId, ct);
        return !held.CanApprove() && (held & TapRoles.HelpdeskOperator) != 0
            ? RequestReply(await approvals.PrepareForQueryAsync(requester, tenant.Id, personText, ct))
            : IssueReply(await issuance.PrepareAsync(requester, personText, ct));
    }

    public static IMessageActivity RequestReply(RequestOutcome outcome) => outcome switch
    {
        RequestOutcome.Form f => CardResponses.Activity(RequestCards.Form(f.Value), f.Value.IsForSelf ? "Ask for a Temporary Access Pass" : $"Ask for a pass for {f.Value.Target.DisplayName}"),
        RequestOutcome.Ambiguous a => CardResponses.Activity(StatusCards.PickPerson(new StatusOutcome.Ambiguous(a.Query, a.Candidates), CardVerbs.PrepareRequest, "Next"), "Which person?"),
        RequestOutcome.NotFound n => CardResponses.Activity(StatusCards.NotFound(new StatusOutcome.NotFound(n.Query)), "Nobody found"),
        RequestOutcome.Refused r => CardResponses.Activity(StatusCards.Refused(r.Message), "Cannot send the request"),
        RequestOutcome.Submitted s => CardResponses.Activity(RequestCards.ForRequester(s.View), "Your request"),
        _ => throw new InvalidOperationException("Unknown request outcome."),
    };

    public static IMessageActivity AuditReply(AuditOutcome outcome) => outcome switch
    {
        AuditOutcome.Found f => CardResponses.Activity(AuditCards.Recent(f), $"Audit trail for {f.Person.DisplayName}"),
        AuditOutcome.Ambiguous a => CardResponses.Activity(StatusCards.Refused(
            $"Several people match “{CardText.Escape(a.Query)}”: use their UPN, e.g. **audit for {CardText.Escape(a.Candidates[0].UserPrincipalName)}**."), "Which person?"),
        AuditOutcome.NotFound n => CardResponses.Activity(StatusCards.NotFound(new StatusOutcome.NotFound(n.Query)), "Nobody found"),
        AuditOutcome.Refused r => CardResponses.Activity(StatusCards.Refused(r.Message), "Audit trail"),
        _ => throw new InvalidOperationException("Unknown audit outcome."),
    };

    public static IMessageActivity IssueReply(PrepareOutcome outcome) => outcome switch
    {
        PrepareOutcome.Form f => CardResponses.Activity(PasscodeCards.Form(f.Value), $"Issue a pass for {f.Value.Target.DisplayName}"),
        PrepareOutcome.Ambiguous a => CardResponses.Activity(StatusCards.PickPerson(new StatusOutcome.Ambiguous(a.Query, a.Candidates), CardVerbs.PrepareIssue, "Next"), "Which person?"),
        PrepareOutcome.NotFound n => CardResponses.Activity(StatusCards.NotFound(new StatusOutcome.NotFound(n.Query)), "Nobody found"),
        PrepareOutcome.Refused r => CardResponses.Activity(StatusCards.Refused(r.Message), "Cannot issue a pass"),
        _ => throw new InvalidOperationException("Unknown issuance outcome."),
    };

    public static IMessageActivity RevokeReply(RevokeOutcome outcome, Requester requester) => outcome switch
    {
        RevokeOutcome.Confirm c => CardResponses.Activity(PasscodeCards.ConfirmRevoke(c), $"Revoke {c.Target.DisplayName}'s pass?"),
        RevokeOutcome.Revoked r => CardResponses.Activity(PasscodeCards.Revoked(r, requester), "Pass revoked"),
        RevokeOutcome.Ambiguous a => CardResponses.Activity(StatusCards.Refused(
            $"Several people match “{CardText.Escape(a.Query)}”: use their UPN, e.g. **revoke TAP for {CardText.Escape(a.Candidates[0].UserPrincipalName)}**."), "Which person?"),
        RevokeOutcome.Refused r => CardResponses.Activity(StatusCards.Refused(r.Message), "Cannot revoke"),
        _ => throw new InvalidOperationException("Unknown revoke outcome."),
    };

    public static IMessageActivity StatusReply(StatusOutcome outcome) => outcome switch
    {
        StatusOutcome.Found f => CardResponses.Activity(StatusCards.Found(f), $"TAP status for {f.Person.DisplayName}"),
        StatusOutcome.Ambiguous a => CardResponses.Activity(StatusCards.PickPerson(a), "Which person?"),
        StatusOutcome.NotFound n => CardResponses.Activity(StatusCards.NotFound(n), "Nobody found"),
        StatusOutcome.Refused r => CardResponses.Activity(StatusCards.Refused(r.Message), "TAP status"),
        _ => throw new InvalidOperationException("Unknown status outcome."),
    };
}
