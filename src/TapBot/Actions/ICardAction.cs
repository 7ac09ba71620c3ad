using Microsoft.Bot.Schema;
using TapBot.Conversations;
using TapBot.Domain;

namespace TapBot.Actions;

/// <summary>The handler of one Action.Execute verb.</summary>
public interface ICardAction
{
    string Verb { get; }

    Task<AdaptiveCardInvokeResponse> ExecuteAsync(CardActionContext context, CancellationToken ct);
}

/// <summary>
/// A click: who clicked (from the activity), and the card's data. The data is untrusted: it carries ids only, and
/// every id is re-read from the directory or storage.
/// </summary>
public sealed record CardActionContext(Requester Requester, CardData Data, bool IsAutomaticRefresh)
{
    /// <summary>The clicked card (conversation and message id), or null when the channel did not say.</summary>
    public string? SourceKey { get; init; }

    /// <summary>The clicker's Teams id ("29:…"), for a card's refresh list.</summary>
    public string? TeamsUserId { get; init; }

    /// <summary>Where the clicked card is (to rewrite it later), or null when the channel did not say.</summary>
    public RequestCardCopy? ClickedCard { get; init; }

    /// <summary>The clicker's time zone, from the activity; UTC when Teams did not say.</summary>
    public TimeZoneInfo ReaderTimeZone { get; init; } = TimeZoneInfo.Utc;

    /// <summary>Rewrites the message that holds the clicked card, for everyone in the conversation.</summary>
    public Func<System.Text.Json.Nodes.JsonObject, CancellationToken, Task> ReplaceCardForEveryoneAsync { get; init; } = (_, _) => Task.CompletedTask;
}
