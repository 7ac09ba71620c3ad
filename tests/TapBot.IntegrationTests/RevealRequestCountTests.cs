using System.Text.Json.Nodes;
using Xunit.Abstractions;
using static TapBot.IntegrationTests.Reveals;

namespace TapBot.IntegrationTests;

/// <summary>
/// The Graph round trips of the default delivery, reveal on demand, counted where they arrive (a <c>$batch</c> counts
/// once): Issue pass and an approval only re-check and record the entitlement; Show code re-checks and creates.
/// <see cref="GraphRequestCountTests"/> counts the same flows with the code in the card.
/// </summary>
public sealed class RevealRequestCountTests(ITestOutputHelper output) : IAsyncLifetime
{
    private BotUnderTest _bot = null!;

    public async Task InitializeAsync()
    {
        _bot = await BotUnderTest.StartAsync(new Dictionary<string, string?> { ["Issuance:Delivery"] = "RevealOnDemand" });
        await _bot.SayAsync("adele", "hi");
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    private Task<long> GraphRequestsFor(Func<Task> turn) => _bot.GraphRequestsForAsync(turn, output);

    [Fact]
    public async Task IssuePass_OneRecheck_ThenShowCode_OneRecheckAndTheCreate()
    {
        var issued = await GraphRequestsFor(async () =>
            Assert.Contains("Approved, not yet shown", (await _bot.ClickAsync("megan", "issuePass", IssueForms.Choice(_bot, "adele"))).ToJsonString()));
        var id = SingleEntitlement(_bot, "adele");

        var shown = await GraphRequestsFor(async () =>
            Assert.NotNull(BotReplies.FindPasscode((await ShowCodeAsync(_bot, "adele", id))["value"])));

        Assert.Equal(1, issued);
        Assert.Equal(2, shown);
    }

    [Fact]
    public async Task Approval_OneRecheck()
    {
        await _bot.SayAsync("lynne", "hi");
        _bot.Connector.InstalledFor[_bot.User("patti").Id] = true; // Lynne's manager Patti approves; TapBot opens a chat with her
        await _bot.SayAsync("lynne", "I lost my phone");
        await _bot.ClickAsync("lynne", "requestPass", new JsonObject { ["v"] = "1", ["recipient"] = "person", ["reason"] = "Lost my phone on the train" },
            cardMessageId: "form-lynne");
        var request = (await _bot.PendingRequestAsync("lynne"))!;

        var cost = await GraphRequestsFor(async () => Assert.Contains("Approved by Patti Fernandez",
            (await _bot.ClickAsync("patti", "approveRequest", new JsonObject { ["requestId"] = request.Id.ToString() })).ToJsonString()));

        Assert.Equal(1, cost);
    }
}
