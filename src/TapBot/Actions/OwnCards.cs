using System.Text.Json.Nodes;
using TapBot.Cards;
using TapBot.Conversations;
using TapBot.Domain.Ports;

namespace TapBot.Actions;

/// <summary>
/// Which messages a click may rewrite. An invoke names the clicked card only by its <c>replyToId</c>, which the client
/// sends and TapBot cannot check against Teams; so TapBot remembers the cards it sends whose buttons rewrite them, and a
/// click rewrites a message only if it is such a card, in the click's conversation, of the click's flow.
/// </summary>
public sealed class OwnCards(ISentCards sent, TimeProvider time)
{
    /// <summary>Shown for a click whose card TapBot did not send there: nothing is done, nothing rewritten.</summary>
    public const string NotOurs = "TapBot did not send this card here, so nothing was changed. Type **help** to start again.";

    /// <summary>The verbs that rewrite the clicked card, and the flows whose cards they may rewrite.</summary>
    private static readonly Dictionary<string, CardFlow[]> Rewrites = new(StringComparer.Ordinal)
    {
        [CardVerbs.IssuePass] = [CardFlow.Issue],
        [CardVerbs.RequestPass] = [CardFlow.Request],
        // A revoke confirmation, or the receipt an issue form became.
        [CardVerbs.RevokePass] = [CardFlow.Revoke, CardFlow.Issue],
    };

    /// <summary>The flow a sent card belongs to, by the buttons it carries (pick lists included: their click shows the form in place).</summary>
    private static readonly Dictionary<string, CardFlow> FlowOfVerb = new(StringComparer.Ordinal)
    {
        [CardVerbs.PrepareIssue] = CardFlow.Issue,
        [CardVerbs.IssuePass] = CardFlow.Issue,
        [CardVerbs.PrepareRequest] = CardFlow.Request,
        [CardVerbs.RequestPass] = CardFlow.Request,
        [CardVerbs.RevokePass] = CardFlow.Revoke,
    };

    /// <summary>Remembers a message TapBot just sent if its card has buttons that rewrite it.</summary>
    public async Task RememberAsync(JsonObject card, string? conversationId, string? messageId, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(conversationId) || string.IsNullOrEmpty(messageId)) return;
        if (FlowOf(card) is { } flow) await sent.RememberAsync(new SentCard(conversationId, messageId, flow, time.GetUtcNow()), ct);
    }

    /// <summary>Whether this click may go ahead: it rewrites no card, or the card it names is TapBot's, here, of its flow.</summary>
    public async Task<bool> MayRewriteAsync(string? verb, RequestCardCopy? clicked, CancellationToken ct)
    {
        if (verb is null || !Rewrites.TryGetValue(verb, out var flows)) return true;
        if (clicked is null) return false;
        return await sent.FlowOfAsync(clicked.Address.ConversationId, clicked.MessageId, ct) is { } flow && flows.Contains(flow);
    }

    private static CardFlow? FlowOf(JsonNode? node) => node switch
    {
        JsonObject o when o["verb"]?.GetValueKind() == System.Text.Json.JsonValueKind.String
                          && FlowOfVerb.TryGetValue(o["verb"]!.GetValue<string>(), out var flow) => flow,
        JsonObject o => o.Select(kv => FlowOf(kv.Value)).FirstOrDefault(f => f is not null),
        JsonArray a => a.Select(FlowOf).FirstOrDefault(f => f is not null),
        _ => null,
    };
}
