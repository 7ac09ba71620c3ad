using TapBot.Cards;
using TapBot.Domain.Status;

namespace TapBot.Commands;

/// <summary>"my TAP status" and "TAP status for X".</summary>
public sealed class StatusCommandHandler(TapStatusService status) : ChatCommandHandler<BotCommand.Status>
{
    protected override async Task<CardReply> AnswerAsync(BotCommand.Status command, ChatCommandContext context, CancellationToken ct) =>
        OutcomeReplies.Status(command.PersonText is null
            ? await status.ForSelfAsync(context.Requester, ct)
            : await status.ForQueryAsync(context.Requester, command.PersonText, ct));
}
