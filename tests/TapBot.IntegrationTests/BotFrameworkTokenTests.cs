using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TapBot.Conversations;
using TapBot.Domain.Ports;

namespace TapBot.IntegrationTests;

/// <summary>
/// A registered bot checks the channel's token for real: TapBot's own settings point the SDK's validation at a local
/// channel token service (<see cref="ChannelTokenIssuer"/>), and every way a token can be wrong is refused with a 401
/// before any turn runs.
/// </summary>
public sealed class BotFrameworkTokenTests : IAsyncLifetime
{
    private readonly string _appId = Guid.NewGuid().ToString();
    private ChannelTokenIssuer _channel = null!;
    private BotUnderTest _bot = null!;

    public async Task InitializeAsync()
    {
        _channel = await ChannelTokenIssuer.StartAsync();
        _bot = await BotUnderTest.StartAsync(new()
        {
            ["Bot:MicrosoftAppType"] = "SingleTenant",
            ["Bot:MicrosoftAppId"] = _appId,
            ["Bot:MicrosoftAppTenantId"] = Guid.NewGuid().ToString(),
            ["Bot:MicrosoftAppPassword"] = "test-secret-not-real",
            ["Bot:ToBotFromChannelOpenIdMetadataUrl"] = _channel.MetadataUrl,
            ["Bot:ToBotFromChannelTokenIssuer"] = ChannelTokenIssuer.Issuer,
        });
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _channel.DisposeAsync();
    }

    private string ValidToken(Action<JsonObject>? claims = null) => _channel.Token(_appId, _bot.Connector.ServiceUrl, claims);

    /// <summary>"help" from Megan, answered in the HTTP response (expectReplies): sending through the connector would need a real Entra sign-in.</summary>
    private Task<HttpResponseMessage> SayHelpAsync(string? token, Action<HttpRequestMessage>? shape = null)
    {
        var message = _bot.Message("megan", "help");
        message["deliveryMode"] = "expectReplies";
        return _bot.PostAsync(new StringContent(message.ToJsonString(), Encoding.UTF8, "application/json"), request =>
        {
            if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            shape?.Invoke(request);
        });
    }

    private async Task<bool> TurnRanAsync()
    {
        // A turn for Megan's message records her personal chat; a refused request leaves no trace.
        await using var scope = _bot.App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IPersonalChats>().FindAsync(_bot.TenantId, _bot.User("megan").Id, default) is not null;
    }

    [Fact]
    public async Task ValidToken_IsServed()
    {
        var response = await SayHelpAsync(ValidToken());

        Assert.Equal(200, (int)response.StatusCode);
        var replies = (await response.Content.ReadFromJsonAsync<JsonObject>())!["activities"]!.AsArray();
        Assert.Contains(BotReplies.Strings(replies), text => text.Contains("What you can type")); // the help card
        Assert.True(await TurnRanAsync());
    }

    [Theory]
    [InlineData("no token")]
    [InlineData("not a JWT")]
    [InlineData("unsigned")]
    [InlineData("signed with an unpublished key")]
    [InlineData("expired")]
    [InlineData("not yet valid")]
    [InlineData("for another bot")]
    [InlineData("from another issuer")]
    [InlineData("for another serviceUrl")]
    [InlineData("key endorsed for webchat only")]
    [InlineData("key without endorsements")]
    public async Task RefusedToken_Gets401AndNoTurn(string wrong)
    {
        var now = DateTimeOffset.UtcNow;
        var token = wrong switch
        {
            "no token" => null,
            "not a JWT" => "not-a-jwt",
            "unsigned" => ChannelTokenIssuer.Unsigned(ValidToken()),
            "signed with an unpublished key" => _channel.Token(_appId, _bot.Connector.ServiceUrl, signWith: RSA.Create(2048)),
            "expired" => ValidToken(c => { c["nbf"] = now.AddHours(-2).ToUnixTimeSeconds(); c["exp"] = now.AddHours(-1).ToUnixTimeSeconds(); }),
            "not yet valid" => ValidToken(c => { c["nbf"] = now.AddHours(1).ToUnixTimeSeconds(); c["exp"] = now.AddHours(2).ToUnixTimeSeconds(); }),
            "for another bot" => ValidToken(c => c["aud"] = Guid.NewGuid().ToString()),
            "from another issuer" => ValidToken(c => c["iss"] = "https://attacker.example"),
            "for another serviceUrl" => ValidToken(c => c["serviceurl"] = "https://smba.trafficmanager.net/emea/"),
            "key endorsed for webchat only" => _channel.Token(_appId, _bot.Connector.ServiceUrl, keyId: ChannelTokenIssuer.WebChatKeyId),
            "key without endorsements" => _channel.Token(_appId, _bot.Connector.ServiceUrl, keyId: ChannelTokenIssuer.UnendorsedKeyId),
            _ => throw new ArgumentOutOfRangeException(nameof(wrong)),
        };

        var response = await SayHelpAsync(token);

        Assert.Equal(401, (int)response.StatusCode);
        Assert.Empty(_bot.Connector.Calls);
        Assert.False(await TurnRanAsync());
    }

    [Fact]
    public async Task ValidToken_FromAWebPage_IsStillRefused()
    {
        var response = await SayHelpAsync(ValidToken(), r => r.Headers.Add("Origin", "https://attacker.example"));

        Assert.Equal(403, (int)response.StatusCode);
        Assert.False(await TurnRanAsync());
    }
}
