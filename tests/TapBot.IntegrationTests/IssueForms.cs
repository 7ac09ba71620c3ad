using System.Text.Json.Nodes;

namespace TapBot.IntegrationTests;

/// <summary>The issue form's data and what a delivered passcode card holds, for the issuance and revocation tests.</summary>
internal static class IssueForms
{
    /// <summary>The data of an "Issue pass" click on the current form for a person.</summary>
    public static JsonObject Choice(BotUnderTest bot, string upnPrefix, string lifetime = "120", string oneTime = "true", string reason = "INC-4711") =>
        new() { ["personId"] = bot.User(upnPrefix).Id, ["v"] = "2", ["lifetime"] = lifetime, ["oneTime"] = oneTime, ["reason"] = reason };

    /// <summary>Every string value, decoded (JSON text would escape characters such as + in a code).</summary>
    public static string Text(JsonNode? node) => string.Join("\n", BotReplies.Strings(node));

    /// <summary>The code in the passcode card the bot posted to a person's personal chat, or null.</summary>
    public static string? DeliveredCode(BotUnderTest bot, string upnPrefix)
    {
        var conversation = "a:personal-" + bot.User(upnPrefix).Id;
        var delivered = bot.Connector.Calls.Where(c => c.Method == "POST" && Uri.UnescapeDataString(c.Path).Contains(conversation)
                                                      && Text(c.Body).Contains("Your Temporary Access Pass")).ToList();
        return delivered.Count == 0 ? null : BotReplies.FindPasscode(delivered.Single().Body!);
    }
}
