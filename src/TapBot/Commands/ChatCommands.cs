using Microsoft.Bot.Schema;
using TapBot.Cards;
using TapBot.Domain;
using TapBot.Domain.Ports;
using TapBot.Domain.Issuance;
using TapBot.Domain.Status;

namespace TapBot.Commands;

/// <summary>Answers a parsed chat command with a card.</summary>
public sealed class ChatCommands(
    TapStatusService status,
    IssuanceService issuance,
    RevocationService revocation,
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
                BotCommand.Issue i => IssueReply(await issuance.PrepareAsync(requester, i.PersonText, ct)),
                BotCommand.Revoke r => RevokeReply(await revocation.PrepareAsync(requester, r.PersonText, ct), requester),
                BotCommand.Policy => CardResponses.Activity(PolicyCard.Build(await passes.GetPolicyAsync(ct), time.GetUtcNow()), "TAP policy"),
                BotCommand.NotYetAvailable n => CardResponses.Activity(HelpCard.Build(
                    $"{n.Action} from Teams is not available in this version of TapBot yet. Until it is, an administrator " +
                    "can issue or revoke a Temporary Access Pass in the Microsoft Entra admin center. Here is what I can do now:"), "Not available yet"),
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
