using System.Text.Json.Nodes;

namespace TapBot.IntegrationTests;

/// <summary>
/// Views may reuse a recent read of the TAP policy and of roles (LookupCache:Seconds); the Issue pass click never does:
/// it re-reads everything live in its pre-flight.
/// </summary>
public sealed class LookupCacheTests : IAsyncLifetime
{
    private BotUnderTest _bot = null!;

    public async Task InitializeAsync()
    {
        _bot = await BotUnderTest.StartAsync();
        await _bot.SayAsync("adele", "hi");
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task ThePolicyCardReusesARecentRead_TheIssueClickReadsThePolicyLive()
    {
        Assert.Contains("**On**", (await _bot.SayAsync("megan", "TAP policy")).AllText);
        var policy = _bot.Tenant.State.Policy;
        policy.State = "disabled";
        _bot.Tenant.State.ReplacePolicy(policy);

        var before = _bot.Tenant.GraphRequests;
        Assert.Contains("**On**", (await _bot.SayAsync("megan", "TAP policy")).AllText); // within LookupCache:Seconds
        Assert.Equal(before, _bot.Tenant.GraphRequests);

        var choice = new JsonObject { ["personId"] = _bot.User("adele").Id, ["v"] = "2", ["lifetime"] = "120", ["oneTime"] = "true", ["reason"] = "INC-4711" };
        var click = (await _bot.ClickAsync("megan", "issuePass", choice)).ToJsonString();

        Assert.Contains("policy is off", click);
        Assert.Null(_bot.PassId("adele"));
    }

    [Fact]
    public async Task WithTheCacheOff_ThePolicyCardReadsEveryTime()
    {
        await using var bot = await BotUnderTest.StartAsync(new Dictionary<string, string?> { ["LookupCache:Seconds"] = "0" });
        Assert.Contains("**On**", (await bot.SayAsync("megan", "TAP policy")).AllText);
        var policy = bot.Tenant.State.Policy;
        policy.State = "disabled";
        bot.Tenant.State.ReplacePolicy(policy);

        Assert.Contains("**Off**", (await bot.SayAsync("megan", "TAP policy")).AllText);
    }
}
