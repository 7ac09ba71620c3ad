using System.Text.Json.Nodes;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using TapBot.Actions;
using TapBot.Hosting;
using TapBot.SimulatedTenant.Http;
using Microsoft.AspNetCore.Hosting;
using TapBot.Teams;

namespace TapBot.IntegrationTests;

/// <summary>Graph failures, crashes and authentication: the user gets a clear message, never an error page.</summary>
public sealed class FailureTests : IAsyncLifetime
{
    private BotUnderTest _bot = null!;

    public async Task InitializeAsync() => _bot = await BotUnderTest.StartAsync(configure: b =>
        b.Services.AddScoped<ICardAction, ExplodingAction>());

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task GraphThrottlingBeyondRetries_SaysBusy()
    {
        // The SDK retries once (Graph:MaxRetries=1 in tests), honouring Retry-After; the third 429 reaches TapBot.
        _bot.Tenant.Faults.Add(new FaultRule { Method = "GET", PathContains = "users", Status = 429, RetryAfterSeconds = 0, Times = 5 });

        var text = (await _bot.SayAsync("megan", "TAP status for lynne@contoso.com")).AllText;

        Assert.True(text.Contains("busy right now"), text);
        Assert.Contains("Nothing was changed", text);
    }

    [Fact]
    public async Task GraphThrottlingWithinRetries_IsInvisible()
    {
        _bot.Tenant.Faults.Add(new FaultRule { Method = "GET", PathContains = "temporaryAccessPassMethods", Status = 429, RetryAfterSeconds = 0, Times = 1 });

        var text = (await _bot.SayAsync("megan", "TAP status for lynne@contoso.com")).AllText;

        Assert.Contains("Usable now", text);
    }

    [Fact]
    public async Task Graph503_SaysUnavailable()
    {
        _bot.Tenant.Faults.Add(new FaultRule { PathContains = "temporaryAccessPassMethods", Status = 503, RetryAfterSeconds = 0, Times = 5 });

        var text = (await _bot.SayAsync("megan", "TAP status for lynne@contoso.com")).AllText;

        Assert.Contains("couldn't reach Microsoft Entra", text);
    }

    [Fact]
    public async Task Graph403_SaysPermissionsAndNamesDoctor()
    {
        _bot.Tenant.Faults.Add(new FaultRule { PathContains = "temporaryAccessPassMethods", Status = 403, Times = 1 });

        var text = (await _bot.SayAsync("megan", "TAP status for lynne@contoso.com")).AllText;

        Assert.Contains("isn't allowed", text);
        Assert.DoesNotContain("Request Authorization failed", text);
    }

    [Fact]
    public async Task CrashInACardAction_GivesAGenericApologyWithoutDetails()
    {
        var response = await _bot.ClickAsync("megan", ExplodingAction.VerbName);

        Assert.Equal("application/vnd.microsoft.activity.message", response["type"]!.GetValue<string>());
        Assert.Equal(TapCloudAdapter.Apology, response["value"]!.GetValue<string>());
        Assert.DoesNotContain(ExplodingAction.Secret, response.ToJsonString());
    }

    [Fact]
    public async Task AfterACrash_TheBotKeepsWorking()
    {
        await _bot.ClickAsync("megan", ExplodingAction.VerbName);

        Assert.Contains("Usable now", (await _bot.SayAsync("megan", "TAP status for lynne@contoso.com")).AllText);
    }

    private sealed class ExplodingAction : ICardAction
    {
        public const string VerbName = "explodeForTest";
        public const string Secret = "internal-detail-4711";

        public string Verb => VerbName;

        public Task<AdaptiveCardInvokeResponse> ExecuteAsync(CardActionContext context, CancellationToken ct) =>
            throw new InvalidOperationException(Secret);
    }
}

/// <summary>With a bot app id configured, Bot Framework authentication is on: anonymous activities are refused.</summary>
public sealed class AuthenticationTests
{
    [Fact]
    public async Task SingleTenantBot_RefusesActivitiesWithoutAToken()
    {
        await using var bot = await BotUnderTest.StartAsync(new()
        {
            ["Bot:MicrosoftAppType"] = "SingleTenant",
            ["Bot:MicrosoftAppId"] = Guid.NewGuid().ToString(),
            ["Bot:MicrosoftAppTenantId"] = Guid.NewGuid().ToString(),
            ["Bot:MicrosoftAppPassword"] = "test-secret-not-real",
        });

        var response = await bot.PostAsync(bot.Message("megan", "help"));

        Assert.Equal(401, (int)response.StatusCode);
        Assert.Empty(bot.Connector.Calls);
    }

    [Fact]
    public async Task AnonymousBot_OnAllInterfaces_RefusesToStart()
    {
        var e = await Assert.ThrowsAsync<StartupProblemException>(() =>
            TapBotHost.BuildAsync(["--urls=http://0.0.0.0:0"]));

        Assert.Contains("Bot:MicrosoftAppId", e.Message);
        Assert.Contains("http://0.0.0.0:0", e.Message);
    }

    [Fact]
    public async Task AnonymousBot_WithTheLiveTenant_RefusesToStart()
    {
        // Real Graph credentials behind an unauthenticated endpoint: any local program, a browser page included, could
        // claim to be an approver.
        var e = await Assert.ThrowsAsync<StartupProblemException>(() => TapBotHost.BuildAsync(
        [
            "--urls=http://127.0.0.1:0", $"--Graph:TenantId={Guid.NewGuid()}", $"--Graph:ClientId={Guid.NewGuid()}",
            "--Graph:ClientSecret=test-secret-not-real",
        ]));

        Assert.Contains("Bot:MicrosoftAppId", e.Message);
        Assert.Contains("Graph:Mode", e.Message);
        Assert.DoesNotContain("test-secret-not-real", e.Message);
    }

    [Fact]
    public async Task AnonymousBot_WithHttpPorts_RefusesToStart()
    {
        // ASPNETCORE_HTTP_PORTS (set by container images) binds every interface.
        var e = await Assert.ThrowsAsync<StartupProblemException>(() =>
            TapBotHost.BuildAsync(["--urls=http://127.0.0.1:0", "--http_ports=8080"]));

        Assert.Contains("http://*:8080", e.Message);
    }

    [Fact]
    public async Task AnonymousBot_BoundBeyondLoopbackInCode_StopsItself()
    {
        var app = await TapBotHost.BuildAsync(["--urls=http://127.0.0.1:0", $"--Storage:DataDirectory={Path.GetTempPath()}/tapbot-tests/{Guid.NewGuid():N}"],
            b => b.WebHost.ConfigureKestrel(k => k.ListenAnyIP(0)));
        await using (app)
        {
            var stopped = new TaskCompletionSource();
            app.Lifetime.ApplicationStopping.Register(() => stopped.TrySetResult());

            await app.StartAsync();

            Assert.Same(stopped.Task, await Task.WhenAny(stopped.Task, Task.Delay(TimeSpan.FromSeconds(10))));
            await app.StopAsync();
        }
    }

    [Fact]
    public async Task SingleTenantBot_WithoutPassword_RefusesToStartNamingTheSetting()
    {
        var e = await Assert.ThrowsAsync<StartupProblemException>(() => TapBotHost.BuildAsync(
        [
            "--urls=http://127.0.0.1:0", "--Bot:MicrosoftAppType=SingleTenant",
            $"--Bot:MicrosoftAppId={Guid.NewGuid()}", $"--Bot:MicrosoftAppTenantId={Guid.NewGuid()}",
        ]));

        Assert.Contains("Bot:MicrosoftAppPassword", e.Message);
    }
}
