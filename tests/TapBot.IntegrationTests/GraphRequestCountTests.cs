using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace TapBot.IntegrationTests;

/// <summary>
/// What the issue flow costs in Graph round trips, counted where they arrive: HTTP requests reaching the simulated
/// tenant (a <c>$batch</c> counts once). Megan is an ordinary approver, so the privileged-target check is needed.
/// Before the pre-flight was batched, each of these cost 6: roles, the person (search or read), policy, membership of
/// the policy's group, privilege and current pass (or create), one after another; before the requester's roles and
/// the people joined the batch, the form by address cost 3, the Issue pass click 4 and an approval 5.
/// </summary>
public sealed class GraphRequestCountTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly ITestOutputHelper _output = output;

    private BotUnderTest _bot = null!;

    public async Task InitializeAsync()
    {
        _bot = await BotUnderTest.StartAsync();
        await _bot.SayAsync("adele", "hi"); // Adele's chat is known, so the form carries no reachability warning
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    private Task<long> GraphRequestsFor(Func<Task> turn) => _bot.GraphRequestsForAsync(turn, _output);

    [Fact]
    public async Task IssueForm_ByAddress_OneRoundTrip_OnceThePersonIsKnown()
    {
        var first = await GraphRequestsFor(async () =>
            Assert.Contains("Issue pass", (await _bot.SayAsync("megan", "issue TAP for adele@contoso.com")).AllText));
        var again = await GraphRequestsFor(async () =>
            Assert.Contains("Issue pass", (await _bot.SayAsync("megan", "issue TAP for adele@contoso.com")).AllText));

        // One $batch: Megan's roles, Adele by UPN, policy, memberships, passes. Graph filters role assignments by object
        // id only, so the first time Adele's are read after it; then her id is known and they join the batch.
        Assert.Equal(2, first);
        Assert.Equal(1, again);
    }

    [Fact]
    public async Task IssueForm_ByName_SearchesFirst()
    {
        var cost = await GraphRequestsFor(async () =>
            Assert.Contains("Issue pass", (await _bot.SayAsync("megan", "issue TAP for Adele Vance")).AllText));

        // Megan's roles (before anything about a name is searched), the search, then one $batch by Adele's object id.
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

        // One $batch re-checks everything live (Megan's roles, Adele, the rules), then the create.
        Assert.Equal(2, cost);
    }

    [Fact]
    public async Task Approval_Click()
    {
        await _bot.SayAsync("lynne", "hi");
        _bot.Connector.InstalledFor[_bot.User("patti").Id] = true; // Lynne's manager Patti approves; TapBot opens a chat with her
        var form = await _bot.SayAsync("lynne", "I lost my phone");
        Assert.Contains("requestPass", form.SingleCard().ToJsonString());
        var sent = await _bot.ClickAsync("lynne", "requestPass", new JsonObject { ["v"] = "1", ["recipient"] = "person", ["reason"] = "Lost my phone on the train" },
            cardMessageId: "form-lynne");
        Assert.Contains("Waiting for", sent.ToJsonString());
        var request = (await _bot.PendingRequestAsync("lynne"))!;

        var cost = await GraphRequestsFor(async () => Assert.Contains("Approved by Patti Fernandez",
            (await _bot.ClickAsync("patti", "approveRequest", new JsonObject { ["requestId"] = request.Id.ToString() })).ToJsonString()));


        // One $batch: Patti's roles, Lynne, her manager, the request's people and the rules; then the create.
        Assert.Equal(2, cost);
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
