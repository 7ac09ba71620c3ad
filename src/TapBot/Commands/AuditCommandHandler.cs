using TapBot.Cards;
using TapBot.Domain.Audit;

namespace TapBot.Commands;

/// <summary>"audit for X": recent audit events about a person.</summary>
public sealed class AuditCommandHandler(AuditQueryService auditQuery) : ChatCommandHandler<BotCommand.Audit>
{
    protected override async Task<CardReply> AnswerAsync(BotCommand.Audit command, ChatCommandContext context, CancellationToken ct) =>
        OutcomeReplies.Audit(await auditQuery.ForQueryAsync(context.Requester, command.PersonText, ct));
}
