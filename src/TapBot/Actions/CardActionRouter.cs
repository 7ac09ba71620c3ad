using Microsoft.Bot.Schema;
using TapBot.Cards;
using TapBot.Domain.Ports;
using TapBot.Domain.Telemetry;

namespace TapBot.Actions;

/// <summary>Sends each Action.Execute to the <see cref="ICardAction"/> registered for its verb.</summary>
public sealed class CardActionRouter(IEnumerable<ICardAction> actions, ILogger<CardActionRouter> logger)
{
    private readonly Dictionary<string, ICardAction> _byVerb = actions.ToDictionary(a => a.Verb, StringComparer.Ordinal);

    public IReadOnlyCollection<string> Verbs => _byVerb.Keys;

    public async Task<AdaptiveCardInvokeResponse> ExecuteAsync(string? verb, CardActionContext context, CancellationToken ct)
    {
        if (verb is null || !_byVerb.TryGetValue(verb, out var action))
        {
            TapBotTelemetry.CardActions.Add(1, TapBotTelemetry.Tag("verb", "unknown"), TapBotTelemetry.Tag("outcome", "rejected"));
            return CardResponses.BadRequest("UnknownVerb", "This card's button is not one TapBot knows. The card may be out of date.");
        }

        try
        {
            var response = await action.ExecuteAsync(context, ct);
            TapBotTelemetry.CardActions.Add(1, TapBotTelemetry.Tag("verb", verb), TapBotTelemetry.Tag("outcome", "ok"));
            return response;
        }
        catch (DirectoryException e)
        {
            TapBotTelemetry.CardActions.Add(1, TapBotTelemetry.Tag("verb", verb), TapBotTelemetry.Tag("outcome", "directory_failed"));
            logger.LogWarning(e, "Directory call failed ({Failure}) for verb {Verb}", e.Failure, verb);
            return CardResponses.Card(ProblemCards.Directory(e));
        }
    }
}
