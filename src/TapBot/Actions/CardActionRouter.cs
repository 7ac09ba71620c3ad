using Microsoft.Bot.Schema;
using TapBot.Cards;
using TapBot.Domain.Limits;
using TapBot.Domain.Ports;
using TapBot.Domain.Telemetry;

namespace TapBot.Actions;

/// <summary>Sends each Action.Execute to the <see cref="ICardAction"/> registered for its verb.</summary>
public sealed class CardActionRouter(IEnumerable<ICardAction> actions, OwnCards ownCards, AbuseLimits limits, ILogger<CardActionRouter> logger)
{
    private readonly Dictionary<string, ICardAction> _byVerb = actions.ToDictionary(a => a.Verb, StringComparer.Ordinal);

    public IReadOnlyCollection<string> Verbs => _byVerb.Keys;

    public async Task<AdaptiveCardInvokeResponse> ExecuteAsync(string? verb, CardActionContext context, CancellationToken ct)
    {
        if (verb is null || !_byVerb.TryGetValue(verb, out var action))
        {
            TapBotTelemetry.CardActions.Add(1, TapBotTelemetry.Tag("verb", "unknown"), TapBotTelemetry.Tag("outcome", "rejected"));
            await limits.RecordRefusalAsync(context.Requester, ct);
            return CardResponses.BadRequest("UnknownVerb", "This card's button is not one TapBot knows. The card may be out of date.");
        }

        if (!await ownCards.MayRewriteAsync(verb, context.ClickedCard, ct))
        {
            // A forged or misplaced click: it names a message TapBot did not send here for this flow.
            TapBotTelemetry.CardActions.Add(1, TapBotTelemetry.Tag("verb", verb), TapBotTelemetry.Tag("outcome", "not_our_card"));
            logger.LogWarning("Card action {Verb} names a message that is not TapBot's card for it; nothing done", verb);
            await limits.RecordRefusalAsync(context.Requester, ct);
            return CardResponses.Message(OwnCards.NotOurs);
        }

        try
        {
            var response = await action.ExecuteAsync(context, ct);
            // Every refusal counts towards the refused-commands limit.
            if (CardResponses.IsRefusal(response)) await limits.RecordRefusalAsync(context.Requester, ct);
            TapBotTelemetry.CardActions.Add(1, TapBotTelemetry.Tag("verb", verb), TapBotTelemetry.Tag("outcome", "ok"));
            return response;
        }
        catch (EntraException e)
        {
            TapBotTelemetry.CardActions.Add(1, TapBotTelemetry.Tag("verb", verb), TapBotTelemetry.Tag("outcome", "directory_failed"));
            logger.LogWarning(e, "Directory call failed ({Failure}) for verb {Verb}", e.Failure, verb);
            return CardResponses.Card(ProblemCards.Directory(e));
        }
    }
}
