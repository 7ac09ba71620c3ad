namespace TapBot.Conversations;

/// <summary>
/// Cards TapBot sent whose buttons rewrite the card itself (the issue form, the request form, the revoke
/// confirmation), by conversation and flow. A click names its card only by the message id the client sends; TapBot
/// rewrites that message only when it is one of these, in that conversation, of the click's flow.
/// </summary>
public interface ISentCards
{
    /// <summary>Remembers a card TapBot just sent.</summary>
    Task RememberAsync(SentCard card, CancellationToken ct);

    /// <summary>The flow of the card TapBot sent as this message in this conversation, or null when it sent no such card.</summary>
    Task<CardFlow?> FlowOfAsync(string conversationId, string messageId, CancellationToken ct);
}

/// <summary>What a card is for, which decides which clicks may rewrite it.</summary>
public enum CardFlow
{
    /// <summary>"issue TAP for X": the pick list, the issue form, and the receipt the form becomes.</summary>
    Issue,

    /// <summary>"request TAP": the pick list, the request form, and the requester's status the form becomes.</summary>
    Request,

    /// <summary>"revoke TAP for X": the confirmation.</summary>
    Revoke,
}

/// <summary>One card TapBot sent: where, and for which flow.</summary>
public sealed record SentCard(string ConversationId, string MessageId, CardFlow Flow, DateTimeOffset SentAt);
