using System.Globalization;
using Microsoft.Bot.Schema;
using TapBot.Cards;
using TapBot.Domain.Issuance;
using TapBot.Domain;

namespace TapBot.Actions;

/// <summary>A person was picked from the issue pick list: show the issue form (nothing changes yet).</summary>
public sealed class PrepareIssueAction(IssuanceService issuance) : ICardAction
{
    public string Verb => CardVerbs.PrepareIssue;

    public async Task<AdaptiveCardInvokeResponse> ExecuteAsync(CardActionContext context, CancellationToken ct)
    {
        var personId = context.Data.Text("personId");
        if (personId is null) return CardResponses.Message("Pick a person first.");
        return CardResponses.Card(OutcomeReplies.IssueForm(await issuance.PrepareForIdAsync(context.Requester, personId, ct)).Card);
    }
}

/// <summary>
/// "Issue pass" on the form: the choices are re-validated, the pass is created and delivered privately, and the form
/// becomes a receipt (without the code) for everyone who sees it.
/// </summary>
public sealed class IssuePassAction(IssuanceService issuance, TapTenant tenant) : ICardAction
{
    public string Verb => CardVerbs.IssuePass;

    public async Task<AdaptiveCardInvokeResponse> ExecuteAsync(CardActionContext context, CancellationToken ct)
    {
        // An automatic refresh must never create anything.
        if (context.IsAutomaticRefresh) return CardResponses.Message("Open the card to issue the pass.");

        var personId = context.Data.Text("personId");
        var lifetime = context.Data.Text("lifetime");
        if (personId is null || !int.TryParse(lifetime, NumberStyles.None, CultureInfo.InvariantCulture, out var minutes))
        {
            return CardResponses.Card(StatusCards.Refused("This form is missing the person or the lifetime. Type **issue TAP for** and the person to start again."));
        }

        if (!context.Data.IsForm(FormVersion.Issue))
        {
            return await FormAgainAsync(context, personId, Texts.Get("Form.Outdated"), ct);
        }

        if (RecipientValues.Parse(context.Data.Text("recipient")) is not { } recipient)
        {
            return await FormAgainAsync(context, personId, Texts.Get("Form.ChooseRecipient"), ct);
        }

        if (!TryReadStart(context, out var startsAt))
        {
            return await FormAgainAsync(context, personId, Texts.Get("Form.StartInvalid"), ct);
        }

        var oneTime = context.Data.Text("oneTime") is not "false";
        var choice = new IssueChoice(personId, minutes, oneTime, context.Data.Text("reason")) { Recipient = recipient, StartsAt = startsAt };
        var outcome = await issuance.IssueAsync(context.Requester, tenant.Id, choice, context.SourceKey, ct);
        switch (outcome)
        {
            case IssueOutcome.Issued issued:
                var receipt = PasscodeCards.Receipt(issued);
                await context.ReplaceCardForEveryoneAsync(receipt, ct);
                return CardResponses.Card(receipt);
            case IssueOutcome.Refused { MayRetry: true } refused:
                return await FormAgainAsync(context, personId, Texts.Refusal(refused.Code, refused.Args, refused.Message), ct);
            case IssueOutcome.Granted granted:
                var approved = EntitlementCards.Receipt(granted);
                await context.ReplaceCardForEveryoneAsync(approved, ct);
                return CardResponses.Card(approved);
            case IssueOutcome.Refused refused:
                return CardResponses.Card(LimitCards.RefusedOr(Texts.Refusal(refused.Code, refused.Args, refused.Message), refused.Limit));
            default:
                throw new InvalidOperationException("Unknown issue outcome.");
        }
    }

    /// <summary>
    /// The same form again, read afresh from the directory, with what was typed kept and the refusal above the button.
    /// If the form can no longer be offered at all (roles or the person changed), that refusal is the answer.
    /// </summary>
    private async Task<AdaptiveCardInvokeResponse> FormAgainAsync(CardActionContext context, string personId, string problem, CancellationToken ct)
    {
        var again = await issuance.PrepareForIdAsync(context.Requester, personId, ct);
        return CardResponses.Card(again is PrepareOutcome.Form form
            ? PasscodeCards.Form(form.Value, FormEntries.From(context.Data.Text, problem))
            : OutcomeReplies.IssueForm(again).Card);
    }

    /// <summary>Input.Date ("2026-12-01") and Input.Time ("09:30") in the approver's time zone; no date means now.</summary>
    private static bool TryReadStart(CardActionContext context, out DateTimeOffset? startsAt)
    {
        startsAt = null;
        if (context.Data.Text("startDate") is not { } dateText) return true;
        if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return false;
        var time = TimeOnly.MinValue;
        if (context.Data.Text("startTime") is { } timeText && !TimeOnly.TryParseExact(timeText, ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out time))
            return false;
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        if (context.ReaderTimeZone.IsInvalidTime(local)) return false; // a clock-change gap
        startsAt = new DateTimeOffset(local, context.ReaderTimeZone.GetUtcOffset(local)).ToUniversalTime();
        return true;
    }
}
