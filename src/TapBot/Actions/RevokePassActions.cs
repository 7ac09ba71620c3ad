using Microsoft.Bot.Schema;
using TapBot.Cards;
using TapBot.Domain.Issuance;

namespace TapBot.Actions;

/// <summary>"Revoke" on a confirmation or a receipt: roles and the pass are checked again, then the pass is deleted.</summary>
public sealed class RevokePassAction(RevocationService revocation) : ICardAction
{
    public string Verb => CardVerbs.RevokePass;

    public async Task<AdaptiveCardInvokeResponse> ExecuteAsync(CardActionContext context, CancellationToken ct)
    {
        if (context.IsAutomaticRefresh) return CardResponses.Message("Open the card to revoke the pass.");
        var personId = context.Data.Text("personId");
        var passId = context.Data.Text("passId");
        var entitlementId = context.Data.Text("entitlementId");
        if (personId is null || (passId is null && entitlementId is null)) return CardResponses.Card(StatusCards.Refused("This card is missing the pass to revoke."));

        // An approved pass not shown yet has no pass in Entra: cancelling it is the revoke.
        var outcome = passId is not null
            ? await revocation.RevokeAsync(context.Requester, personId, passId, ct)
            : await revocation.CancelEntitlementAsync(context.Requester, personId, entitlementId!, ct);
        var card = OutcomeReplies.Revoke(outcome, context.Requester).Card;
        if (outcome is RevokeOutcome.Revoked) await context.ReplaceCardForEveryoneAsync(card, ct);
        return CardResponses.Card(card);
    }
}

/// <summary>"Keep it": nothing changes.</summary>
public sealed class CancelAction : ICardAction
{
    public string Verb => CardVerbs.Cancel;

    public Task<AdaptiveCardInvokeResponse> ExecuteAsync(CardActionContext context, CancellationToken ct) =>
        Task.FromResult(CardResponses.Card(StatusCards.Notice("Nothing was changed.")));
}
