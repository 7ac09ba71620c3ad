using Microsoft.Bot.Schema;
using TapBot.Cards;
using TapBot.Domain;

namespace TapBot.Commands;

/// <summary>The handler of one parsed chat command (one <see cref="BotCommand"/> type).</summary>
public interface IChatCommandHandler
{
    Type Command { get; }

    Task<CardReply> AnswerAsync(ChatCommandContext context, CancellationToken ct);
}

/// <summary>A chat message: the parsed command, who sent it (from the activity), and the message itself.</summary>
public sealed record ChatCommandContext(BotCommand Command, Requester Requester, IMessageActivity Message);

/// <summary>The typed shape of <see cref="IChatCommandHandler"/>: one class per command.</summary>
public abstract class ChatCommandHandler<TCommand> : IChatCommandHandler where TCommand : BotCommand
{
    public Type Command => typeof(TCommand);

    public Task<CardReply> AnswerAsync(ChatCommandContext context, CancellationToken ct) => AnswerAsync((TCommand)context.Command, context, ct);

    protected abstract Task<CardReply> AnswerAsync(TCommand command, ChatCommandContext context, CancellationToken ct);
}
