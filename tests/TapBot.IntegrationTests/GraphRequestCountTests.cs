using System.Text.Json.Nodes;

namespace TapBot.IntegrationTests;

/// <summary>
/// What the issue flow costs in Graph round trips, counted where they arrive: HTTP requests reaching the simulated
/// tenant (a <c>$batch</c> counts once). Megan is an ordinary approver, so the privileged-target check is needed.
/// </summary>
public sealed class GraphRequestCountTests : IAsyncLifetime
{
    private BotUnderTest _bot = null!;

    public async Task InitializeAsync()
    {
        _bot = await BotUnderTest.StartAsync();
        await _bot.SayAsync("adele", "hi"); // Adele's chat is known, so the form carries no reachability warning
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    private async Task<long> GraphRequestsFor(Func<Task> turn)
    {
        var before = _bot.Tenant.GraphRequests;
        await turn();
        return _bot.Tenant.GraphRequests - before;
    }

    [Fact]
    public async Task IssueForm_ByAddress()
    {
        var cost = await GraphRequestsFor(async () =>
            Assert.Contains("Issue pass", (await _bot.SayAsync("megan", "issue TAP for adele@contoso.com")).AllText));

        Assert.Equal(6, cost);
    }

    [Fact]
    public async Task IssueForm_PickedFromAList()
    {
        var data = new JsonObject { ["personId"] = _bot.User("adele").Id };
        var cost = await GraphRequestsFor(async () =>
            Assert.Contains("Issue pass", (await _bot.ClickAsync("megan", "prepareIssue", data)).ToJsonString()));

        Assert.Equal(6, cost);
    }

    [Fact]
    public async Task IssuePass_Submit()
    {
        var choice = new JsonObject { ["personId"] = _bot.User("adele").Id, ["lifetime"] = "120", ["oneTime"] = "true", ["reason"] = "INC-4711" };
        var cost = await GraphRequestsFor(async () =>
            Assert.Contains("issued for Adele Vance", (await _bot.ClickAsync("megan", "issuePass", choice)).ToJsonString()));

        Assert.Equal(6, cost);
    }
}
