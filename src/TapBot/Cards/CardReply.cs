using System.Text.Json.Nodes;

namespace TapBot.Cards;

/// <summary>A card to send, with the summary Teams shows in notifications and the chat list (never anything sensitive).</summary>
public sealed record CardReply(JsonObject Card, string Summary);
