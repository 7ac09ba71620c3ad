using System.Text.Json.Nodes;
using TapBot.Domain.Limits;
using static TapBot.Cards.AdaptiveCard;

namespace TapBot.Cards;

/// <summary>
/// Everything TapBot says about its abuse limits: the refusal (which limit, when it resets, in the reader's time zone),
/// the one answer a person gets when TapBot pauses for them, and the alert card for the security-alerts channel.
/// </summary>
public static class LimitCards
{
    /// <summary>The refusal card for a domain refusal: worded by its limit when a limit refused it.</summary>
    public static JsonObject RefusedOr(string message, LimitRefusal? limit) => limit is null ? StatusCards.Refused(message) : Refused(limit);

    /// <summary>A limit refused: the same short refusal card, naming the limit and when it resets.</summary>
    /// <remarks>Built here, not by <see cref="StatusCards.Refused"/>: that defuses date functions, and the reset time is one.</remarks>
    public static JsonObject Refused(LimitRefusal limit) => StatusCards.MarkRefusal(New([Text($"{Describe(limit)} {Resets(limit)}")]));

    /// <summary>The one answer after too many refused commands; TapBot ignores the person's messages until the window ends.</summary>
    public static JsonObject Paused(LimitRefusal limit) => New([Text(Texts.Get("Limit.Paused", limit.Max, When(limit.ResetsAt!.Value)))]);

    /// <summary>What a click gets while TapBot is paused for the person (an invoke must be answered; nothing is posted).</summary>
    public static string PausedClick => Texts.Get("Limit.PausedClick");

    /// <summary>For the security-alerts channel: who, which limit, when. Never a code, and no more about the person.</summary>
    /// <remarks>Posted outside the reader's turn: worded in the language of the turn that reached the limit.</remarks>
    public static JsonObject Alert(LimitAlert alert) => New(
    [
        Heading(Texts.Get("Alert.Title")),
        Facts(
        [
            (Texts.Get("Fact.Who"), CardText.Escape(alert.ActorName)),
            (Texts.Get("Fact.Limit"), alert.SubjectName is { } subject
                ? Texts.Get("Alert.LimitFor", Name(alert.Kind, alert.Max), CardText.Escape(subject))
                : Name(alert.Kind, alert.Max)),
            (Texts.Get("Fact.When"), When(alert.At)),
            (Texts.Get("Fact.Resets"), alert.ResetsAt is { } resets ? When(resets) : Texts.Get("Alert.ResetsOnDecision")),
        ]),
        Text(Texts.Get("Alert.Note"), subtle: true, size: "Small"),
    ]);

    public static string Summary(LimitAlert alert) => Texts.Get("Summary.SecurityAlert");

    /// <summary>The limit in words, with its maximum.</summary>
    public static string Name(LimitKind kind, int max) => kind switch
    {
        LimitKind.PassesPerPerson => Texts.Get("Limit.Name.PassesPerPerson", max),
        LimitKind.IssuancesPerApprover => Texts.Get("Limit.Name.IssuancesPerApprover", max),
        LimitKind.OpenRequestsPerOperator => Texts.Get("Limit.Name.OpenRequestsPerOperator", max),
        LimitKind.RequestsPerPerson => Texts.Get("Limit.Name.RequestsPerPerson", max),
        _ => Texts.Get("Limit.Name.RefusedCommands", max),
    };

    private static string Describe(LimitRefusal limit) => limit.Kind switch
    {
        LimitKind.PassesPerPerson => Texts.Get("Limit.Refused.PassesPerPerson",
            CardText.Escape(limit.SubjectName ?? Texts.Get("Limit.ThisPerson")), limit.Max),
        LimitKind.IssuancesPerApprover => Texts.Get("Limit.Refused.IssuancesPerApprover", limit.Max),
        LimitKind.OpenRequestsPerOperator => Texts.Get("Limit.Refused.OpenRequestsPerOperator", limit.Max),
        LimitKind.RequestsPerPerson => limit.SubjectName is { } name
            ? Texts.Get("Limit.Refused.RequestsPerPersonFor", CardText.Escape(name), limit.Max)
            : Texts.Get("Limit.Refused.RequestsPerPersonSelf", limit.Max),
        _ => Texts.Get("Limit.Refused.RefusedCommands", limit.Max),
    };

    private static string Resets(LimitRefusal limit) => limit.ResetsAt is { } at
        ? Texts.Get("Limit.ResetsAt", When(at))
        : Texts.Get("Limit.FreesUp");
}
