using System.Text.Json.Nodes;

namespace TapBot.IntegrationTests;

/// <summary>
/// What the issue flow costs in Graph round trips, counted where they arrive: HTTP requests reaching the simulated
/// tenant (a <c>$batch</c> counts once). Megan is an ordinary approver, so the privileged-target check is needed.
/// Before the pre-flight was batched, each of these cost 6: roles, the person (search or read), policy, membership of
/// the policy's group, privilege and current pass (or create), one after another.
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

        // Megan's roles (before the directory is searched for her), the search, then one $batch pre-flight.
        Assert.Equal(3, cost);
    }

    [Fact]
    public async Task IssueForm_PickedFromAList()
    {
        var data = new JsonObject { ["personId"] = _bot.User("adele").Id };
        var cost = await GraphRequestsFor(async () =>
            Assert.Contains("Issue pass", (await _bot.ClickAsync("megan", "prepareIssue", data)).ToJsonString()));

        // One $batch: Megan's roles and everything about Adele together.
        Assert.Equal(1, cost);
    }

    [Fact]
    public async Task IssuePass_Submit()
    {
        var choice = new JsonObject { ["personId"] = _bot.User("adele").Id, ["v"] = "2", ["lifetime"] = "120", ["oneTime"] = "true", ["reason"] = "INC-4711" };
        var cost = await GraphRequestsFor(async () =>
            Assert.Contains("issued for Adele Vance", (await _bot.ClickAsync("megan", "issuePass", choice)).ToJsonString()));

        // Megan's roles, Adele re-read, one $batch for the rules, then the create.
        Assert.Equal(4, cost);
    }

    [Fact]
    public async Task ThrottlingInsideTheBatch_BeyondRetries_SaysBusy_AndIsNotMistakenForARefusal()
    {
        // Adele's group memberships keep answering 429 inside the $batch (whose own status is 200).
        _bot.Tenant.Faults.Add(new SimulatedTenant.Http.FaultRule { PathContains = "transitiveMemberOf", Status = 429, RetryAfterSeconds = 0, Times = 10 });

        var text = (await _bot.SayAsync("megan", "issue TAP for adele@contoso.com")).AllText;

        Assert.Contains("busy right now", text);
        Assert.DoesNotContain("outside the tenant's Temporary Access Pass policy", text);
        Assert.DoesNotContain("Issue pass", text);
    }
}
