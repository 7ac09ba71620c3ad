using Microsoft.Bot.Schema;
using TapBot.Cards;
using TapBot.Domain.Status;

namespace TapBot.Actions;

/// <summary>A person was picked from the "Which person?" list: show their status (read-only, safe on refresh).</summary>
public sealed class ShowStatusAction(TapStatusService status) : ICardAction
{
    public string Verb => CardVerbs.ShowStatus;

    public async Task<AdaptiveCardInvokeResponse> ExecuteAsync(CardActionContext context, CancellationToken ct)
    {
        var personId = context.Data.Text("personId");
        if (personId is null)
        {
            return CardResponses.Message("Pick a person first.");
        }

        var outcome = await status.ForPersonIdAsync(context.Requester, personId, ct);
        return CardResponses.Card(outcome switch
        {
            StatusOutcome.Found f => StatusCards.Found(f),
            StatusOutcome.Refused r => StatusCards.Refused(Texts.Refusal(r.Code, r.Args, r.Message)),
            _ => StatusCards.Refused("That person can't be shown."),
        });
    }
}
