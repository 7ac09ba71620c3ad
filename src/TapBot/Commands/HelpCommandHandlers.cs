using TapBot.Cards;
using TapBot.Domain.Ports;

namespace TapBot.Commands;

public sealed class HelpCommandHandler : ChatCommandHandler<BotCommand.Help>
{
    protected override Task<CardReply> AnswerAsync(BotCommand.Help command, ChatCommandContext context, CancellationToken ct) =>
        Task.FromResult(new CardReply(HelpCard.Build(), Texts.Get("Summary.Help")));
}

/// <summary>Text TapBot does not understand: the help card, with an apology.</summary>
public sealed class UnknownCommandHandler : ChatCommandHandler<BotCommand.Unknown>
{
    protected override Task<CardReply> AnswerAsync(BotCommand.Unknown command, ChatCommandContext context, CancellationToken ct) =>
        Task.FromResult(new CardReply(HelpCard.Build(Texts.Get("Help.NotUnderstood")), Texts.Get("Summary.Help")));
}

public sealed class PolicyCommandHandler(ITemporaryAccessPasses passes, TimeProvider time) : ChatCommandHandler<BotCommand.Policy>
{
    protected override async Task<CardReply> AnswerAsync(BotCommand.Policy command, ChatCommandContext context, CancellationToken ct) =>
        new(PolicyCard.Build(await passes.GetPolicyAsync(ct), time.GetUtcNow()), "TAP policy");
}
