using TapBot.Cards;
using TapBot.Domain.Ports;
using TapBot.Domain.Roles;

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

/// <summary>"policy": the tenant's TAP policy, reused for a few seconds (<see cref="RecentLookups"/>); issuing reads it live.</summary>
public sealed class PolicyCommandHandler(ITemporaryAccessPasses passes, RecentLookups recent, TimeProvider time) : ChatCommandHandler<BotCommand.Policy>
{
    protected override async Task<CardReply> AnswerAsync(BotCommand.Policy command, ChatCommandContext context, CancellationToken ct)
    {
        // The card says when the policy was read, which may be a few seconds before this turn.
        var (policy, readAt) = await recent.GetAsync("policy", async () => (await passes.GetPolicyAsync(ct), time.GetUtcNow()));
        return new(PolicyCard.Build(policy, readAt), "TAP policy");
    }
}
