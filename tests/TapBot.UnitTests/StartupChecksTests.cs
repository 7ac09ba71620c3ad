using Microsoft.Extensions.Configuration;
using TapBot.Graph;
using TapBot.Hosting;
using TapBot.Teams;

namespace TapBot.UnitTests;

public sealed class StartupChecksTests
{
    [Theory]
    [InlineData("http://127.0.0.1:3978", true)]
    [InlineData("http://localhost:3978", true)]
    [InlineData("http://[::1]:3978", true)]
    [InlineData("http://127.0.0.2:80", true)]
    [InlineData("http://0.0.0.0:3978", false)]
    [InlineData("http://*:3978", false)]
    [InlineData("http://+:80", false)]
    [InlineData("http://[::]:3978", false)]
    [InlineData("https://tapbot.contoso.com", false)]
    [InlineData("http://10.0.0.4:3978", false)]
    public void IsLoopback(string url, bool loopback) => Assert.Equal(loopback, ListenAddresses.IsLoopback(url));

    [Fact]
    public void ListenAddresses_IncludeHttpPorts_WhichBindEverywhere()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["urls"] = "http://127.0.0.1:1", ["http_ports"] = "8080",
        }).Build();

        Assert.Equal(["http://127.0.0.1:1", "http://*:8080"], ListenAddresses.From(config));
    }

    [Fact]
    public void Anonymous_OnLoopback_IsAllowed() =>
        BotAuthenticationFactory.Validate(new BotOptions(), ["http://127.0.0.1:3978"], GraphMode.Simulated);

    [Theory]
    [InlineData("", "", "", "", "Bot:MicrosoftAppId is empty")]
    [InlineData("MultiTenant", "11111111-1111-1111-1111-111111111111", "22222222-2222-2222-2222-222222222222", "Xq9~secret-value-4711", "deprecated")]
    [InlineData("SingleTenant", "11111111-1111-1111-1111-111111111111", "22222222-2222-2222-2222-222222222222", "", "Bot:MicrosoftAppPassword is required")]
    [InlineData("SingleTenant", "11111111-1111-1111-1111-111111111111", "", "Xq9~secret-value-4711", "Bot:MicrosoftAppTenantId")]
    [InlineData("UserAssignedMsi", "11111111-1111-1111-1111-111111111111", "22222222-2222-2222-2222-222222222222", "Xq9~secret-value-4711", "must be empty")]
    [InlineData("Other", "11111111-1111-1111-1111-111111111111", "22222222-2222-2222-2222-222222222222", "Xq9~secret-value-4711", "SingleTenant or UserAssignedMsi")]
    [InlineData("SingleTenant", "not-a-guid", "22222222-2222-2222-2222-222222222222", "Xq9~secret-value-4711", "Bot:MicrosoftAppId must be")]
    public void BotSettings_ThatWouldLeaveItOpenOrBroken_AreRefused(string type, string appId, string tenant, string password, string message)
    {
        var options = new BotOptions { MicrosoftAppType = type, MicrosoftAppId = appId, MicrosoftAppTenantId = tenant, MicrosoftAppPassword = password };

        var e = Assert.Throws<StartupProblemException>(() => BotAuthenticationFactory.Validate(options, ["http://0.0.0.0:8080"], GraphMode.Simulated));

        Assert.Contains(message, e.Message);
        if (password.Length > 0) Assert.DoesNotContain(password, e.Message);
    }

    [Theory]
    [InlineData("SingleTenant", "s")]
    [InlineData("UserAssignedMsi", "")]
    public void CompleteRegistration_OnAnyInterface_IsAllowed(string type, string password) =>
        BotAuthenticationFactory.Validate(new BotOptions
        {
            MicrosoftAppType = type, MicrosoftAppId = Guid.NewGuid().ToString(),
            MicrosoftAppTenantId = Guid.NewGuid().ToString(), MicrosoftAppPassword = password,
        }, ["http://0.0.0.0:8080"], GraphMode.Live);

    [Fact]
    public void Anonymous_WithTheLiveTenant_IsRefusedNamingTheSettings()
    {
        var e = Assert.Throws<StartupProblemException>(() => BotAuthenticationFactory.Validate(new BotOptions(), ["http://127.0.0.1:3978"], GraphMode.Live));

        Assert.Contains("Bot:MicrosoftAppId", e.Message);
        Assert.Contains("Graph:Mode", e.Message);
    }

    [Theory]
    [InlineData("https://login.example/openid", "", "Set both")]
    [InlineData("", "https://api.example", "Set both")]
    [InlineData("http://login.example/openid", "https://api.example", "absolute https URL")]
    [InlineData("not a url", "https://api.example", "absolute https URL")]
    public void ChannelCloud_Incomplete_IsRefused(string metadataUrl, string issuer, string message)
    {
        var options = new BotOptions
        {
            MicrosoftAppType = "SingleTenant", MicrosoftAppId = Guid.NewGuid().ToString(), MicrosoftAppTenantId = Guid.NewGuid().ToString(),
            MicrosoftAppPassword = "s", ToBotFromChannelOpenIdMetadataUrl = metadataUrl, ToBotFromChannelTokenIssuer = issuer,
        };

        var e = Assert.Throws<StartupProblemException>(() => BotAuthenticationFactory.Validate(options, ["http://127.0.0.1:3978"], GraphMode.Simulated));

        Assert.Contains(message, e.Message);
    }

    [Fact]
    public void ChannelCloud_WithoutRegistration_IsRefused()
    {
        var options = new BotOptions { ToBotFromChannelOpenIdMetadataUrl = "https://login.example/openid", ToBotFromChannelTokenIssuer = "https://api.example" };

        var e = Assert.Throws<StartupProblemException>(() => BotAuthenticationFactory.Validate(options, ["http://127.0.0.1:3978"], GraphMode.Simulated));

        Assert.Contains("need a bot registration", e.Message);
    }

    [Fact]
    public void GraphMode_DefaultsToSimulated_UntilTenantCredentialsExist()
    {
        Assert.Equal(GraphMode.Simulated, new GraphOptions().EffectiveMode);
        Assert.Equal(GraphMode.Live, new GraphOptions { TenantId = Guid.NewGuid().ToString(), ClientId = Guid.NewGuid().ToString() }.EffectiveMode);
    }

    [Fact]
    public void GraphLive_WithoutSecret_NamesTheSettingAndWhereSecretsGo()
    {
        var problems = new GraphOptions { Mode = GraphMode.Live, TenantId = Guid.NewGuid().ToString(), ClientId = Guid.NewGuid().ToString() }.Problems().ToList();

        var problem = Assert.Single(problems);
        Assert.Contains("Graph:ClientSecret", problem);
        Assert.Contains("never in appsettings.json", problem);
    }

    [Theory]
    [InlineData("http://localhost:5055")]
    [InlineData("http://localhost:5055/graph/v1.0")]
    [InlineData("not a url")]
    public void GraphBaseUrl_MustEndInTheVersionRightAfterTheHost(string url) =>
        Assert.Contains("Graph:BaseUrl", Assert.Single(new GraphOptions { BaseUrl = url }.Problems()));

    [Fact]
    public void AppSettings_HoldNoSecrets()
    {
        // The repository's appsettings.json is linked into the host's output; secrets belong in the environment.
        var config = new ConfigurationBuilder().AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json")).Build();
        var keys = config.AsEnumerable().Select(kv => kv.Key).ToList();

        Assert.NotEmpty(keys);
        foreach (var secret in new[] { "Bot:MicrosoftAppPassword", "Graph:ClientSecret", "Graph:CertificatePassword" })
        {
            Assert.DoesNotContain(secret, keys, StringComparer.OrdinalIgnoreCase);
        }

        Assert.DoesNotContain(config.AsEnumerable(), kv => kv.Key.StartsWith("ConnectionStrings", StringComparison.OrdinalIgnoreCase)
                                                           && kv.Value?.Contains("Password", StringComparison.OrdinalIgnoreCase) == true);
    }
}
