using TapBot.Cards;
using TapBot.Domain.Limits;
using TapBot.Domain.Ports;

namespace TapBot.Commands;

/// <summary>Sends each parsed chat command to the <see cref="IChatCommandHandler"/> registered for its type.</summary>
public sealed class ChatCommandRouter(IEnumerable<IChatCommandHandler> handlers, AbuseLimits limits, ILogger<ChatCommandRouter> logger)
{
    private readonly Dictionary<Type, IChatCommandHandler> _byCommand = handlers.ToDictionary(h => h.Command);

    public IReadOnlyCollection<Type> Commands => _byCommand.Keys;

    public async Task<CardReply> AnswerAsync(ChatCommandContext context, CancellationToken ct)
    {
        var type = context.Command.GetType();
        if (!_byCommand.TryGetValue(type, out var handler)) throw new InvalidOperationException($"No answer for {type.Name}.");
        try
        {
            var reply = await handler.AnswerAsync(context, ct);
            // Every refusal counts towards the refused-commands limit.
            if (StatusCards.IsRefusal(reply.Card)) await limits.RecordRefusalAsync(context.Requester, ct);
            return reply;
        }
        catch (EntraException e)
        {
            logger.LogWarning(e, "Directory call failed ({Failure}) for {Command}", e.Failure, type.Name);
            return new CardReply(ProblemCards.Directory(e), "TapBot could not reach Microsoft Entra");
        }
    }
}
