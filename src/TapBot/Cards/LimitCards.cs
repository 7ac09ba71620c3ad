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
    public static JsonObject Paused(LimitRefusal limit) => New([Text(
        $"You've hit the limit of {limit.Max} refused commands in 10 minutes, so I'll stop answering you until {When(limit.ResetsAt!.Value)}. " +
        "If you need a pass, ask your helpdesk or an approver.")]);

    /// <summary>What a click gets while TapBot is paused for the person (an invoke must be answered; nothing is posted).</summary>
    public const string PausedClick = "TapBot is paused for you for a few minutes.";

    /// <summary>For the security-alerts channel: who, which limit, when. Never a code, and no more about the person.</summary>
    public static JsonObject Alert(LimitAlert alert) => New(
    [
        Heading("TAP security alert: limit reached"),
        Facts(
        [
            ("Who", CardText.Escape(alert.ActorName)),
            ("Limit", Name(alert.Kind, alert.Max) + (alert.SubjectName is { } subject ? $" (for {CardText.Escape(subject)})" : "")),
            ("When", When(alert.At)),
            ("Resets", alert.ResetsAt is { } resets ? When(resets) : "when one of their open requests is decided or expires"),
        ]),
        Text("TapBot refused and audited it. One alert per person and limit until the limit resets. Type **audit for** and the person for details.",
            subtle: true, size: "Small"),
    ]);

    public static string Summary(LimitAlert alert) => "TAP security alert: a limit was reached";

    /// <summary>The limit in words, with its maximum.</summary>
    public static string Name(LimitKind kind, int max) => kind switch
    {
        LimitKind.PassesPerPerson => $"{max} passes per person per day",
        LimitKind.IssuancesPerApprover => $"{max} passes issued or approved per approver per hour",
        LimitKind.OpenRequestsPerOperator => $"{max} open requests per helpdesk operator",
        LimitKind.RequestsPerPerson => $"{max} requests per person per day",
        _ => $"{max} refused commands per person per 10 minutes",
    };

    private static string Describe(LimitRefusal limit) => limit.Kind switch
    {
        LimitKind.PassesPerPerson =>
            $"{CardText.Escape(limit.SubjectName ?? "This person")} already got {limit.Max} passes today, the most TapBot grants one person in a day (limit: {Name(limit.Kind, limit.Max)}). Nothing was created.",
        LimitKind.IssuancesPerApprover =>
            $"You've granted {limit.Max} passes this hour, the most one approver may (limit: {Name(limit.Kind, limit.Max)}). Nothing was created.",
        LimitKind.OpenRequestsPerOperator =>
            $"You already have {limit.Max} requests waiting for a decision (limit: {Name(limit.Kind, limit.Max)}). The request was not sent.",
        LimitKind.RequestsPerPerson => limit.SubjectName is { } name
            ? $"{CardText.Escape(name)}'s account already had {limit.Max} requests today (limit: {Name(limit.Kind, limit.Max)}). The request was not sent."
            : $"You've already asked {limit.Max} times today (limit: {Name(limit.Kind, limit.Max)}). The request was not sent; ask your helpdesk if you still can't sign in.",
        _ => $"Too many refused commands (limit: {Name(limit.Kind, limit.Max)}).",
    };

    private static string Resets(LimitRefusal limit) => limit.ResetsAt is { } at
        ? $"The limit resets at {When(at)}."
        : "A place frees up when one of them is decided or expires.";
}
