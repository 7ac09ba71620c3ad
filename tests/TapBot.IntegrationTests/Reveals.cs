using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TapBot.Domain.Entitlements;
using TapBot.Domain.Ports;

namespace TapBot.IntegrationTests;

/// <summary>What the reveal tests read: the entitlement card a person received, its id, a Show code click, the stored entitlement.</summary>
internal static class Reveals
{
    public static string Text(JsonNode? node) => string.Join("\n", BotReplies.Strings(node));

    /// <summary>Entitlement cards ("… is ready for you") the bot posted to a person's personal chat.</summary>
    public static List<ConnectorCall> CardsPostedTo(BotUnderTest bot, string upnPrefix) => bot.Connector.Calls
        .Where(c => c.Method == "POST" && Uri.UnescapeDataString(c.Path).Contains(bot.PersonalConversation(upnPrefix)) && Text(c.Body).Contains("is ready for you"))
        .ToList();

    /// <summary>Rewrites (PUT) of cards in a person's personal chat.</summary>
    public static List<ConnectorCall> RewritesIn(BotUnderTest bot, string upnPrefix) => bot.Connector.Calls
        .Where(c => c.Method == "PUT" && Uri.UnescapeDataString(c.Path).Contains(bot.PersonalConversation(upnPrefix))).ToList();

    /// <summary>The entitlement id the Show code button carries (the only data it carries).</summary>
    public static Guid EntitlementId(ConnectorCall card)
    {
        var action = card.Body!["attachments"]![0]!["content"]!["actions"]!.AsArray().Single(a => a!["verb"]!.GetValue<string>() == "showCode")!;
        var data = action["data"]!.AsObject();
        Assert.Equal(["entitlementId"], data.Select(kv => kv.Key));
        return Guid.Parse(data["entitlementId"]!.GetValue<string>());
    }

    /// <summary>The single entitlement card a person received, and its id.</summary>
    public static Guid SingleEntitlement(BotUnderTest bot, string upnPrefix)
    {
        var card = Assert.Single(CardsPostedTo(bot, upnPrefix));
        Assert.Null(BotReplies.FindPasscode(card.Body));
        return EntitlementId(card);
    }

    public static async Task<JsonObject> ShowCodeAsync(BotUnderTest bot, string clicker, Guid entitlementId) =>
        await bot.ClickAsync(clicker, "showCode", new JsonObject { ["entitlementId"] = entitlementId.ToString() });

    public static async Task<PassEntitlement> StoredAsync(BotUnderTest bot, Guid id)
    {
        await using var scope = bot.App.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<IEntitlementStore>().GetAsync(id, default))!;
    }
}
