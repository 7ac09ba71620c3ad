using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TapBot.Domain.Ports;
using TapBot.Actions;

namespace TapBot.IntegrationTests;

/// <summary>
/// A click rewrites the message its invoke names (replyToId) only when that message is a card TapBot sent in the same
/// conversation for the same flow. Every click here is on a card TapBot really sent (no test shortcut), or a forgery.
/// Megan is an approver; Adele an ordinary employee.
/// </summary>
public sealed class OwnCardsTests : IAsyncLifetime
{
    private BotUnderTest _bot = null!;

    public async Task InitializeAsync()
    {
        _bot = await BotUnderTest.StartAsync();
        _bot.TrustClickedCards = false;
        await _bot.SayAsync("adele", "hi");
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    private static string Text(JsonNode? node) => string.Join("\n", BotReplies.Strings(node));

    private JsonObject Choice() =>
        new() { ["personId"] = _bot.User("adele").Id, ["v"] = "2", ["lifetime"] = "60", ["oneTime"] = "true", ["reason"] = "INC-9" };

    /// <summary>Says something to TapBot and returns the id of the card it answered with.</summary>
    private async Task<string> CardIdAsync(string upnPrefix, string text)
    {
        await _bot.SayAsync(upnPrefix, text);
        return _bot.Connector.LastMessageIdIn(_bot.PersonalConversation(upnPrefix));
    }

    private IEnumerable<string> Rewritten(string messageId) =>
        _bot.Connector.Calls.Where(c => c.Method == "PUT" && c.Path.EndsWith("/activities/" + messageId)).Select(c => c.Path);

    private async Task<int> RequestsAsync()
    {
        await using var scope = _bot.App.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<IAuditTrail>().RecentAsync(_bot.User("adele").Id, 50, default))
            .Count(e => e.Kind is "IssueApproved" or "RequestCreated");
    }

    private static void AssertPlainRefusal(JsonObject response)
    {
        Assert.Equal(200, response["statusCode"]!.GetValue<int>());
        Assert.Equal("application/vnd.microsoft.activity.message", response["type"]!.GetValue<string>());
        Assert.Equal(OwnCards.NotOurs, response["value"]!.GetValue<string>());
    }

    [Fact]
    public async Task TheNormalFlows_RewriteTheCardsTapBotSent()
    {
        var form = await CardIdAsync("megan", "issue TAP for adele@contoso.com");
        Assert.Contains("issued for Adele Vance", Text((await _bot.ClickAsync("megan", "issuePass", Choice(), cardMessageId: form))["value"]));
        Assert.Single(Rewritten(form));

        // The receipt the form became carries "Revoke pass".
        var passId = _bot.Tenant.State.GetPass(_bot.User("adele"))!.Id;
        var revoke = new JsonObject { ["personId"] = _bot.User("adele").Id, ["passId"] = passId };
        Assert.Contains("revoked for Adele Vance", Text((await _bot.ClickAsync("megan", "revokePass", revoke, cardMessageId: form))["value"]));
        Assert.Equal(2, Rewritten(form).Count());

        var request = await CardIdAsync("adele", "I lost my phone");
        var sent = await _bot.ClickAsync("adele", "requestPass",
            new JsonObject { ["v"] = "1", ["recipient"] = "person", ["reason"] = "Lost my phone" }, cardMessageId: request);
        Assert.Contains("Waiting for", Text(sent["value"]));
        Assert.Single(Rewritten(request));
    }

    [Fact]
    public async Task APickList_BecomesTheIssueForm_WhichIssuesOnTheSameMessage()
    {
        await _bot.SayAsync("alexandra", "hi");
        var pickList = await CardIdAsync("megan", "issue TAP for Alex");
        Assert.Contains("\"prepareIssue\"", _bot.Connector.SentActivities.Single().ToJsonString()); // Alex Wilber or Alexandra Walker
        var alexandra = _bot.User("alexandra").Id;

        var form = await _bot.ClickAsync("megan", "prepareIssue", new JsonObject { ["personId"] = alexandra }, cardMessageId: pickList);
        Assert.Contains("Issue pass", Text(form["value"]));
        var issued = await _bot.ClickAsync("megan", "issuePass",
            new JsonObject { ["personId"] = alexandra, ["v"] = "2", ["lifetime"] = "60", ["oneTime"] = "true", ["reason"] = "INC-9" }, cardMessageId: pickList);

        Assert.Contains("issued for Alexandra Walker", Text(issued["value"]));
        Assert.Single(Rewritten(pickList));
    }

    [Fact]
    public async Task ARevokeConfirmation_IsRewrittenByItsRevoke()
    {
        await _bot.ClickAsync("megan", "issuePass", Choice(), cardMessageId: await CardIdAsync("megan", "issue TAP for adele@contoso.com"));
        var confirm = await CardIdAsync("megan", "revoke TAP for adele@contoso.com");
        var passId = _bot.Tenant.State.GetPass(_bot.User("adele"))!.Id;

        var response = await _bot.ClickAsync("megan", "revokePass", new JsonObject { ["personId"] = _bot.User("adele").Id, ["passId"] = passId },
            cardMessageId: confirm);

        Assert.Contains("revoked for Adele Vance", Text(response["value"]));
        Assert.Single(Rewritten(confirm));
        Assert.Null(_bot.Tenant.State.GetPass(_bot.User("adele")));
    }

    [Fact]
    public async Task AnIssueClick_NamingAMessageTapBotNeverSent_ChangesNothing()
    {
        var response = await _bot.ClickAsync("megan", "issuePass", Choice(), cardMessageId: "1700000000000");

        AssertPlainRefusal(response);
        Assert.Empty(Rewritten("1700000000000"));
        Assert.Null(_bot.Tenant.State.GetPass(_bot.User("adele")));
        Assert.Equal(0, await RequestsAsync());
    }

    [Fact]
    public async Task AnIssueClick_NamingTapBotsFormInAnotherConversation_ChangesNothing()
    {
        var megansForm = await CardIdAsync("megan", "issue TAP for adele@contoso.com");
        var click = _bot.Invoke("megan", "issuePass", Choice(), cardMessageId: megansForm);
        click["conversation"]!["id"] = "19:general@thread.tacv2";

        var response = await (await _bot.PostAsync(click)).Content.ReadFromJsonAsync<JsonObject>();

        AssertPlainRefusal(response!);
        Assert.Empty(Rewritten(megansForm));
        Assert.Null(_bot.Tenant.State.GetPass(_bot.User("adele")));
    }

    [Fact]
    public async Task AClick_NamingACardOfAnotherFlow_ChangesNothing()
    {
        await _bot.ClickAsync("megan", "issuePass", Choice(), cardMessageId: await CardIdAsync("megan", "issue TAP for adele@contoso.com"));
        var passcodeCard = _bot.Connector.LastMessageIdIn(_bot.PersonalConversation("adele"));
        var confirm = await CardIdAsync("megan", "revoke TAP for adele@contoso.com");
        _bot.Connector.Clear();

        AssertPlainRefusal(await _bot.ClickAsync("megan", "issuePass", Choice(), cardMessageId: confirm));
        // Adele's passcode card is TapBot's, but no form: a request click on it must not turn it into anything.
        AssertPlainRefusal(await _bot.ClickAsync("adele", "requestPass",
            new JsonObject { ["v"] = "1", ["recipient"] = "person", ["reason"] = "Lost my phone" }, cardMessageId: passcodeCard));

        Assert.DoesNotContain(_bot.Connector.Calls, c => c.Method == "PUT");
        Assert.Equal(1, await RequestsAsync());
    }
}
