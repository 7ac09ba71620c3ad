using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using TapBot.Cards;
using TapBot.Domain.Entitlements;
using TapBot.Domain.Issuance;

namespace TapBot.Actions;

/// <summary>
/// "Show code" on an entitlement card. The card carries only the entitlement's id; who may press it, whether it is
/// still in time and whether the rules still allow it are read from storage and the directory at the click. The code
/// goes only in this invoke response, which Teams shows to the clicker alone; the stored message never holds it.
/// </summary>
public sealed class ShowCodeAction(EntitlementService entitlements, IOptions<IssuanceOptions> options) : ICardAction
{
    public string Verb => CardVerbs.ShowCode;

    public async Task<AdaptiveCardInvokeResponse> ExecuteAsync(CardActionContext context, CancellationToken ct)
    {
        // An automatic refresh must never create a pass.
        if (context.IsAutomaticRefresh) return CardResponses.Message(Texts.Get("ShowCode.OnRefresh"));
        if (!Guid.TryParse(context.Data.Text("entitlementId"), out var id))
            return CardResponses.Card(StatusCards.Refused(Texts.Get("ShowCode.Missing") + " " + EntitlementCards.AskAgain));

        return await entitlements.RevealAsync(context.Requester, id, ct) switch
        {
            RevealOutcome.Revealed r => CardResponses.Card(EntitlementCards.Revealed(r.Entitlement, r.Pass, options.Value.SecurityContact)),
            RevealOutcome.Closed c => CardResponses.Card(EntitlementCards.Closed(c.Entitlement)),
            RevealOutcome.Refused r => CardResponses.Card(StatusCards.Refused(Texts.Refusal(r.Code, r.Args, r.Message))),
            _ => throw new InvalidOperationException("Unknown reveal outcome."),
        };
    }
}
