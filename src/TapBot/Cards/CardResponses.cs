using System.Text.Json.Nodes;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace TapBot.Cards;

/// <summary>Turns card JSON into Bot Framework messages and invoke responses (the only place the two JSON stacks meet).</summary>
public static class CardResponses
{
    public static IMessageActivity Activity(JsonObject card, string summary)
    {
        var activity = MessageFactory.Attachment(new Attachment { ContentType = AdaptiveCard.ContentType, Content = ToNewtonsoft(card) });
        // Teams shows the summary in notifications and the chat list; it must never carry anything sensitive.
        activity.Summary = summary;
        return activity;
    }

    public static AdaptiveCardInvokeResponse Card(JsonObject card) => new()
    {
        StatusCode = 200,
        Type = AdaptiveCard.ContentType,
        Value = ToNewtonsoft(card),
    };

    public static AdaptiveCardInvokeResponse Message(string text) => new()
    {
        StatusCode = 200,
        Type = "application/vnd.microsoft.activity.message",
        Value = text,
    };

    public static AdaptiveCardInvokeResponse BadRequest(string code, string message) => new()
    {
        StatusCode = 400,
        Type = "application/vnd.microsoft.error",
        Value = new JObject { ["code"] = code, ["message"] = message },
    };

    /// <summary>Whether an invoke response is a refusal card (see <see cref="StatusCards.IsRefusal"/>).</summary>
    public static bool IsRefusal(AdaptiveCardInvokeResponse response) =>
        response.Value is JObject card && card["body"] is JArray { Count: > 0 } body && body[0]?["id"]?.ToString() == StatusCards.RefusalId;

    public static JObject ToNewtonsoft(JsonObject card) => JObject.Parse(card.ToJsonString());

}
