using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TapBot.Conversations;
using TapBot.Teams;

namespace TapBot.IntegrationTests;

/// <summary>
/// How a turn is taken in through the real host: who and what is served (Teams, this tenant, a real person), what
/// malformed or oversized input gets, and what a served turn leaves behind (the personal chat, a reused connector).
/// </summary>
public sealed class TurnHandlingTests : IAsyncLifetime
{
    private BotUnderTest _bot = null!;

    public async Task InitializeAsync() => _bot = await BotUnderTest.StartAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task HugeMessage_IsAnsweredNotParsed()
    {
        var replies = await _bot.SayAsync("megan", "TAP status for " + new string('a', 10_000));

        Assert.Contains("too long for a command", replies.SingleText());
    }

    [Fact]
    public async Task ActivityFromAnotherChannel_IsRefused_AndNotRecorded()
    {
        // Direct Line and Web Chat clients write "from" and channelData themselves: only Teams is trusted.
        _bot.Connector.Clear();
        var activity = _bot.Message("megan", "TAP status for lynne@contoso.com");
        activity["channelId"] = "directline";

        await _bot.PostAsync(activity);

        Assert.Contains("works in Microsoft Teams only", new BotReplies(_bot.Connector.SentActivities).SingleText());
        await using var scope = _bot.App.Services.CreateAsyncScope();
        Assert.Null(await scope.ServiceProvider.GetRequiredService<IPersonalChats>().FindAsync(_bot.TenantId, _bot.User("megan").Id, default));
    }

    [Fact]
    public async Task ActivityWithoutRecipient_Gets400()
    {
        var activity = _bot.Message("megan", "help");
        activity.Remove("recipient");

        var response = await _bot.PostAsync(activity);

        Assert.Equal(400, (int)response.StatusCode);
        Assert.Contains("recipient.id", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task MalformedMention_FallsBackToTheText()
    {
        var activity = _bot.Message("megan", "TAP status for lynne@contoso.com");
        activity["entities"] = new JsonArray(new JsonObject { ["type"] = "mention", ["text"] = "<at>TapBot</at>" });
        _bot.Connector.Clear();

        await _bot.PostAsync(activity);

        Assert.Contains("Usable now", new BotReplies(_bot.Connector.SentActivities).AllText);
    }

    [Fact]
    public async Task AnonymousBot_RefusesForwardedRequests()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _bot.Url + "/api/messages")
        {
            Content = System.Net.Http.Json.JsonContent.Create(_bot.Message("megan", "help")),
        };
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");
        using var http = new HttpClient();

        var response = await http.SendAsync(request);

        Assert.Equal(403, (int)response.StatusCode);
    }

    [Fact]
    public async Task SubmitFromAnOldCard_IsAnsweredNotCrashed()
    {
        _bot.Connector.Clear();
        var activity = _bot.Message("adele", null);
        activity["value"] = new JsonObject { ["personId"] = "x" };

        var response = await _bot.PostAsync(activity);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Contains("out of date", new BotReplies(_bot.Connector.SentActivities).SingleText());
    }

    [Fact]
    public async Task ActivityFromAnotherTenant_IsRefused()
    {
        _bot.Connector.Clear();
        var activity = _bot.Message("megan", "TAP status for lynne@contoso.com");
        activity["conversation"]!["tenantId"] = Guid.NewGuid().ToString();
        activity["channelData"]!["tenant"]!["id"] = Guid.NewGuid().ToString();

        await _bot.PostAsync(activity);

        var text = new BotReplies(_bot.Connector.SentActivities).SingleText();
        Assert.Contains("serves the Contoso (simulated) organization only", text);
    }

    [Fact]
    public async Task ActivityWithoutAadObjectId_IsRefused()
    {
        _bot.Connector.Clear();
        var activity = _bot.Message("megan", "TAP status for lynne@contoso.com");
        activity["from"]!.AsObject().Remove("aadObjectId");

        await _bot.PostAsync(activity);

        Assert.Contains("can't tell who you are", new BotReplies(_bot.Connector.SentActivities).SingleText());
    }

    [Theory]
    [InlineData("{not json", "not a Bot Framework activity")]
    [InlineData("{\"type\":\"message\"}", "lacks channelId, conversation.id, from.id, recipient.id, serviceUrl")]
    [InlineData("[]", "not a Bot Framework activity")]
    public async Task MalformedActivity_Gets400WithAReason(string body, string reason)
    {
        var response = await _bot.PostRawAsync(body);

        Assert.Equal(400, (int)response.StatusCode);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task UnknownVerb_GetsAnErrorBodyNotA500()
    {
        var response = await _bot.ClickAsync("megan", "launchMissiles");

        Assert.Equal(400, response["statusCode"]!.GetValue<int>());
        Assert.Equal("application/vnd.microsoft.error", response["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task ConnectorClient_IsReusedAcrossTurns()
    {
        for (var i = 0; i < 5; i++) await _bot.SayAsync("megan", "help");

        Assert.Equal(1, _bot.App.Services.GetService(typeof(ConnectorClientCache)) is ConnectorClientCache c ? c.Count : -1);
    }

    [Fact]
    public async Task PersonalChat_IsRememberedForPrivateDelivery()
    {
        await _bot.SayAsync("adele", "help");

        await using var scope = _bot.App.Services.CreateAsyncScope();
        var chat = await scope.ServiceProvider.GetRequiredService<IPersonalChats>().FindAsync(_bot.TenantId, _bot.User("adele").Id, default);

        Assert.NotNull(chat);
        Assert.Equal("a:personal-" + _bot.User("adele").Id, chat.Address.ConversationId);
        Assert.Equal(_bot.Connector.ServiceUrl, chat.Address.ServiceUrl);
    }

    [Fact]
    public async Task Healthz_SaysAlive()
    {
        using var http = new HttpClient();
        Assert.Contains("alive", await http.GetStringAsync(_bot.Url + "/healthz"));
    }
}
