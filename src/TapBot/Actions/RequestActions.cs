using Microsoft.Bot.Schema;
using TapBot.Cards;
using TapBot.Conversations;
using TapBot.Domain.Approvals;
using TapBot.Domain.Issuance;
using TapBot.Domain.Ports;
using TapBot.Domain;

namespace TapBot.Actions;

/// <summary>A person picked from a pick list by a helpdesk operator: the request form for them.</summary>
public sealed class PrepareRequestAction(RequestFormService requestForms, TapTenant tenant) : ICardAction
{
    public string Verb => CardVerbs.PrepareRequest;

    public async Task<AdaptiveCardInvokeResponse> ExecuteAsync(CardActionContext context, CancellationToken ct)
    {
        var personId = context.Data.Text("personId");
        if (personId is null) return CardResponses.Message("Pick a person first.");
        return CardResponses.Card(OutcomeReplies.Request(await requestForms.PrepareAsync(context.Requester, tenant.Id, personId, ct)).Card);
    }
}

/// <summary>"Send request": the request is created and sent to its approvers; the form becomes the requester's status card.</summary>
public sealed class RequestPassAction(RequestSubmitService submissions, RequestFormService requestForms, IRequestCardCopies copies, TapTenant tenant) : ICardAction
{
    public string Verb => CardVerbs.RequestPass;

    public async Task<AdaptiveCardInvokeResponse> ExecuteAsync(CardActionContext context, CancellationToken ct)
    {
        if (context.IsAutomaticRefresh) return CardResponses.Message("Open the card to send the request.");
        if (!context.Data.IsForm(FormVersion.Request))
            return await FormAgainAsync(context, Texts.Get("Form.Outdated"), ct);
        if (RecipientValues.Parse(context.Data.Text("recipient")) is not { } recipient)
            return await FormAgainAsync(context, Texts.Get("Form.ChooseRecipient"), ct);

        var outcome = await submissions.SubmitAsync(context.Requester, tenant.Id,
            new RequestChoice(context.Data.Text("personId"), recipient, context.Data.Text("reason")), context.SourceKey, ct);
        switch (outcome)
        {
            case RequestOutcome.Submitted submitted:
                var card = RequestCards.ForRequester(submitted.View);
                // The form's message is the requester's copy from now on: every decision rewrites it.
                if (context.ClickedCard is { } clicked && (await copies.ListAsync(submitted.View.Request.Id, ct)).All(c => c.Role != RequestCardRole.Requester))
                {
                    await copies.AddAsync(clicked with { RequestId = submitted.View.Request.Id }, ct);
                }

                await context.ReplaceCardForEveryoneAsync(card, ct);
                return CardResponses.Card(card);
            case RequestOutcome.Refused { MayRetry: true } refused:
                return await FormAgainAsync(context, Texts.Refusal(refused.Code, refused.Args, refused.Message), ct);
            case RequestOutcome.Refused refused:
                return CardResponses.Card(LimitCards.RefusedOr(Texts.Refusal(refused.Code, refused.Args, refused.Message), refused.Limit));
            default:
                throw new InvalidOperationException("Unexpected request outcome.");
        }
    }

    /// <summary>The same form again, read afresh, with what was typed kept and the refusal above the button.</summary>
    private async Task<AdaptiveCardInvokeResponse> FormAgainAsync(CardActionContext context, string problem, CancellationToken ct)
    {
        var again = await requestForms.PrepareAsync(context.Requester, tenant.Id, context.Data.Text("personId"), ct);
        return CardResponses.Card(again is RequestOutcome.Form form
            ? RequestCards.Form(form.Value, FormEntries.From(context.Data.Text, problem))
            : OutcomeReplies.Request(again).Card);
    }
}

/// <summary>Approve or Deny on an approval card.</summary>
public abstract class DecideRequestAction(RequestDecisionService decisions, bool approve) : ICardAction
{
    public abstract string Verb { get; }

    public async Task<AdaptiveCardInvokeResponse> ExecuteAsync(CardActionContext context, CancellationToken ct)
    {
        // An automatic refresh must never decide anything.
        if (context.IsAutomaticRefresh) return CardResponses.Message("Open the card to decide.");
        if (!Guid.TryParse(context.Data.Text("requestId"), out var requestId))
            return CardResponses.Card(StatusCards.Refused("This card does not name a request. It may be out of date."));

        var outcome = await decisions.DecideAsync(context.Requester, requestId, approve, context.Data.Text("denyReason"), ct);
        return CardResponses.Card(outcome switch
        {
            DecisionOutcome.Decided d => RequestCards.Approval(d.View, withButtons: false, [], d.IssueProblem is null ? null : Texts.Refusal(d.IssueCode, d.IssueArgs, d.IssueProblem)),
            DecisionOutcome.AlreadyDecided a => RequestCards.Approval(a.View, withButtons: false, [],
                a.View.Request.Status == Domain.Requests.RequestStatus.Expired ? null : "This request was already decided; nothing changed."),
            // A limit refused the approval: say which and when it resets (the card comes back with the next refresh).
            DecisionOutcome.Refused { Limit: { } limit } => LimitCards.Refused(limit),
            // Refused: the same card, with buttons only if the clicker may try again (a missing denial reason).
            DecisionOutcome.Refused { View: { } view } r => RequestCards.Approval(view, withButtons: r.MayRetry, [], Texts.Refusal(r.Code, r.Args, r.Message)),
            DecisionOutcome.Refused r => StatusCards.Refused(Texts.Refusal(r.Code, r.Args, r.Message)),
            _ => throw new InvalidOperationException("Unexpected decision outcome."),
        });
    }
}

public sealed class ApproveRequestAction(RequestDecisionService decisions) : DecideRequestAction(decisions, approve: true)
{
    public override string Verb => CardVerbs.ApproveRequest;
}

public sealed class DenyRequestAction(RequestDecisionService decisions) : DecideRequestAction(decisions, approve: false)
{
    public override string Verb => CardVerbs.DenyRequest;
}

/// <summary>
/// A request card's refresh (automatic, or "Refresh card"): the viewer's own view. Buttons only for someone who may
/// decide it now; everyone else gets the status. Read-only, whatever the trigger.
/// </summary>
public sealed class RefreshRequestAction(RequestDecisionService decisions) : ICardAction
{
    public string Verb => CardVerbs.RefreshRequest;

    public async Task<AdaptiveCardInvokeResponse> ExecuteAsync(CardActionContext context, CancellationToken ct)
    {
        if (!Guid.TryParse(context.Data.Text("requestId"), out var requestId)) return CardResponses.Message("This card is out of date.");
        var view = await decisions.ViewForAsync(context.Requester, requestId, ct);
        if (view is null) return CardResponses.Card(StatusCards.Refused("This request no longer exists."));
        IReadOnlyList<string> refreshFor = context.TeamsUserId is { } me ? [me] : [];
        return CardResponses.Card(RequestCards.Approval(view.View, withButtons: view.CanDecide, refreshFor));
    }
}
