using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TapBot.Conversations;
using TapBot.Domain.Ports;

namespace TapBot.IntegrationTests;

/// <summary>
/// What /api/messages lets in: only JSON that did not come from a web page, and activities whose fields the turn can
/// use; anything else is refused at the door with a reason, before any turn runs.
/// </summary>
public sealed class ActivityIntakeTests : IAsyncLifetime
{
    private BotUnderTest _bot = null!;

    public async Task InitializeAsync() => _bot = await BotUnderTest.StartAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    private StringContent Body(JsonObject activity, string? contentType) =>
        new(activity.ToJsonString(), Encoding.UTF8) { Headers = { ContentType = contentType is null ? null : System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType) } };

    [Fact]
    public async Task PostFromAWebPage_AsPlainText_IsRefused()
    {
        // What any page the user visits can make the browser send without a CORS preflight.
        var response = await _bot.PostAsync(Body(_bot.Message("megan", "help"), "text/plain;charset=UTF-8"),
            r => r.Headers.Add("Origin", "https://attacker.example"));

        Assert.Equal(403, (int)response.StatusCode);
        Assert.Contains("Origin", await response.Content.ReadAsStringAsync());
        Assert.Empty(_bot.Connector.Calls);
    }

    [Fact]
    public async Task JsonWithAnOriginHeader_IsRefused()
    {
        var response = await _bot.PostAsync(Body(_bot.Message("megan", "help"), "application/json"),
            r => r.Headers.Add("Origin", "http://127.0.0.1:1234"));

        Assert.Equal(403, (int)response.StatusCode);
        Assert.Empty(_bot.Connector.Calls);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("multipart/form-data; boundary=x")]
    [InlineData("application/jsonp")]
    [InlineData(null)]
    public async Task NonJsonContentType_Gets415(string? contentType)
    {
        var response = await _bot.PostAsync(Body(_bot.Message("megan", "help"), contentType));

        Assert.Equal(415, (int)response.StatusCode);
        Assert.Contains("application/json", await response.Content.ReadAsStringAsync());
        Assert.Empty(_bot.Connector.Calls);
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("Application/JSON; charset=UTF-8")]
    public async Task JsonContentType_WithOrWithoutParameters_IsServed(string contentType)
    {
        var response = await _bot.PostAsync(Body(_bot.Message("megan", "help"), contentType));

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Single(_bot.Connector.SentActivities);
    }

    [Theory]
    [InlineData("name", "5", "name must be a string")]
    [InlineData("name", "true", "name must be a string")]
    [InlineData("name", "{\"verb\":\"x\"}", "name must be a string")]
    [InlineData("Name", "[\"adaptiveCard/action\"]", "name must be a string")]
    [InlineData("value", "\"approve\"", "value must be a JSON object")]
    [InlineData("value", "42", "value must be a JSON object")]
    [InlineData("value", "[{\"action\":{}}]", "value must be a JSON object")]
    public async Task InvokeWithAMistypedField_Gets400NamingIt(string field, string json, string reason)
    {
        var invoke = _bot.Invoke("megan", "showStatus");
        invoke.Remove(field.ToLowerInvariant());
        invoke[field] = JsonNode.Parse(json);

        var response = await _bot.PostAsync(invoke);

        Assert.Equal(400, (int)response.StatusCode);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync());
        Assert.Empty(_bot.Connector.Calls);
    }

    [Theory]
    [InlineData("conversation.id")]
    [InlineData("from.id")]
    [InlineData("recipient.id")]
    [InlineData("id")]
    [InlineData("replyToId")]
    [InlineData("serviceUrl")]
    public async Task IdThatCannotTravelInAReply_Gets400NamingIt(string field)
    {
        var message = _bot.Message("megan", "help");
        switch (field)
        {
            case "conversation.id": message["conversation"]!["id"] = "a:personal-Zoë"; break;
            case "from.id": message["from"]!["id"] = "29:Zoë"; break;
            case "recipient.id": message["recipient"]!["id"] = "28:tapbot\r\nX-Injected: 1"; break;
            case "id": message["id"] = "1:Zoë"; break;
            case "replyToId": message["replyToId"] = "1:Zoë"; break;
            case "serviceUrl": message["serviceUrl"] = _bot.Connector.ServiceUrl + "zoë/"; break;
        }

        var response = await _bot.PostAsync(message);

        Assert.Equal(400, (int)response.StatusCode);
        Assert.Contains($"activity's {field} may hold printable ASCII characters only", await response.Content.ReadAsStringAsync());
        Assert.Empty(_bot.Connector.Calls);
    }

    [Theory]
    [InlineData("installationUpdate")]
    [InlineData("conversationUpdate")]
    public async Task PersonalChat_IsNotRecordedFromUpdates(string type)
    {
        var update = _bot.Activity(type, "adele", a =>
        {
            a["action"] = "add";
            a["membersAdded"] = new JsonArray(new JsonObject { ["id"] = "28:tapbot" });
        });

        Assert.Equal(200, (int)(await _bot.PostAsync(update)).StatusCode);

        Assert.Null(await PersonalChatOfAsync("adele"));
    }

    [Fact]
    public async Task PersonalChat_IsRecordedFromAClick()
    {
        await _bot.ClickAsync("adele", "showStatus");

        Assert.NotNull(await PersonalChatOfAsync("adele"));
    }

    private async Task<PersonalChat?> PersonalChatOfAsync(string upnPrefix)
    {
        await using var scope = _bot.App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IPersonalChats>().FindAsync(_bot.TenantId, _bot.User(upnPrefix).Id, default);
    }
}
