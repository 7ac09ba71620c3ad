using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TapBot.Domain.Audit;
using TapBot.Domain.Issuance;
using TapBot.Domain.Ports;
using TapBot.Domain.Requests;
using TapBot.SimulatedTenant.Http;

namespace TapBot.IntegrationTests;

/// <summary>
/// The recovery job against issuances still at work: Graph and Teams are slowed down (emulator latency, connector
/// delay) to hold an issuer mid-create or mid-delivery while the fake clock moves and recovery runs. Recovery goes by
/// when the issuing step began, saves its decision before deleting, and deletes only the pass the request recorded;
/// an issuer it overtook takes its own pass back. Megan is Adele's manager and an approver.
/// </summary>
public sealed class RecoveryTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private BotUnderTest _bot = null!;

    public async Task InitializeAsync() =>
        _bot = await BotUnderTest.StartAsync(configure: b => b.Services.AddSingleton<TimeProvider>(_clock));

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    private static string Text(JsonNode? node) => string.Join("\n", BotReplies.Strings(node));

    private int CodesDeliveredTo(string upnPrefix) => _bot.Connector.Calls.Count(c =>
        c.Method == "POST" && Uri.UnescapeDataString(c.Path).Contains(_bot.PersonalConversation(upnPrefix)) && Text(c.Body).Contains("Temporary Access Pass for you"));

    private async Task<T> StoreAsync<T>(Func<IRequestStore, Task<T>> read)
    {
        await using var scope = _bot.App.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<IRequestStore>());
    }

    private async Task<int> RecoverNowAsync()
    {
        await using var scope = _bot.App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RecoveryService>().RecoverInterruptedAsync(default);
    }

    /// <summary>The latest request for a person's account, whatever its state.</summary>
    private async Task<AccessRequest?> LatestForAsync(string upnPrefix)
    {
        var id = _bot.User(upnPrefix).Id;
        await using var scope = _bot.App.Services.CreateAsyncScope();
        var audit = scope.ServiceProvider.GetRequiredService<IAuditTrail>();
        var created = (await audit.RecentAsync(id, 50, default)).FirstOrDefault(e => e.Kind is AuditKinds.IssueApproved or AuditKinds.RequestCreated);
        return created?.Details.TryGetValue("request", out var requestId) == true
            ? await StoreAsync(s => s.GetAsync(Guid.Parse(requestId), default))
            : null;
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        for (var i = 0; i < 200; i++)
        {
            if (await condition()) return;
            await Task.Delay(50);
        }

        Assert.Fail("Timed out waiting for " + what);
    }

    private Task WaitForStatusAsync(string upnPrefix, RequestStatus status) =>
        WaitUntilAsync(async () => (await LatestForAsync(upnPrefix))?.Status == status, $"{upnPrefix}'s request to be {status}");

    /// <summary>Megan asks for the issue form for a person and clicks "Issue pass" on the card TapBot sent (not awaited).</summary>
    private async Task<Task<JsonObject>> StartIssuingAsync(string upnPrefix)
    {
        await _bot.SayAsync("megan", $"issue TAP for {upnPrefix}@contoso.com");
        var form = _bot.Connector.LastMessageIdIn(_bot.PersonalConversation("megan"));
        return _bot.ClickAsync("megan", "issuePass", new JsonObject
        {
            ["personId"] = _bot.User(upnPrefix).Id, ["v"] = "2", ["lifetime"] = "60", ["oneTime"] = "true", ["reason"] = "INC-77",
        }, cardMessageId: form);
    }

    [Theory]
    [InlineData("while Graph creates the pass")]
    [InlineData("while the code is being delivered")]
    public async Task AnApprovalLongAfterTheRequest_IsNotRecoveredMidIssue(string when)
    {
        await _bot.SayAsync("adele", "hi");
        await _bot.SayAsync("megan", "hi");
        await _bot.SayAsync("adele", "I lost my phone");
        var sent = await _bot.ClickAsync("adele", "requestPass", new JsonObject { ["v"] = "1", ["recipient"] = "person", ["reason"] = "Lost my phone" },
            cardMessageId: _bot.Connector.LastMessageIdIn(_bot.PersonalConversation("adele")));
        Assert.Contains("Waiting for", Text(sent["value"]));
        var request = (await LatestForAsync("adele"))!;
        _clock.Advance(TimeSpan.FromMinutes(10)); // Megan decides ten minutes later: twice Issuance:RecoverAfterSeconds

        var slowCreate = new FaultRule { Method = "POST", PathContains = "temporaryAccessPassMethods", Status = 0, DelayMs = 2000 };
        if (when.Contains("creates")) _bot.Tenant.Faults.Add(slowCreate);
        else _bot.Connector.Delay(_bot.PersonalConversation("adele"), TimeSpan.FromSeconds(2));
        var approval = _bot.ClickAsync("megan", "approveRequest", new JsonObject { ["requestId"] = request.Id.ToString() });
        if (when.Contains("creates")) await WaitUntilAsync(() => Task.FromResult(slowCreate.Hits == 1), "Graph to receive the create");
        else await WaitForStatusAsync("adele", RequestStatus.Issued);

        await RecoverNowAsync(); // the job's next run, while the issuer waits for Graph or Teams

        Assert.Contains("Approved by Megan Bowen", Text((await approval)["value"]));
        Assert.Equal(RequestStatus.Delivered, (await LatestForAsync("adele"))!.Status);
        Assert.NotNull(_bot.PassId("adele"));
        Assert.Equal(1, CodesDeliveredTo("adele"));
    }

    [Fact]
    public async Task RecoveryFirst_WhileGraphCreates_TheIssuerDeletesItsOwnPass_AndSaysSo()
    {
        await _bot.SayAsync("adele", "hi");
        var slowCreate = new FaultRule { Method = "POST", PathContains = "temporaryAccessPassMethods", Status = 0, DelayMs = 3000 };
        _bot.Tenant.Faults.Add(slowCreate);
        var click = await StartIssuingAsync("adele");
        await WaitUntilAsync(() => Task.FromResult(slowCreate.Hits == 1), "Graph to receive the create");

        _clock.Advance(TimeSpan.FromMinutes(6)); // the create has hung past Issuance:RecoverAfterSeconds; the job runs
        await WaitForStatusAsync("adele", RequestStatus.Failed);

        var answer = Text((await click)["value"]);
        Assert.Contains("took longer than 300 seconds", answer);
        Assert.Contains("the pass was deleted again", answer);
        Assert.Null(_bot.PassId("adele"));
        Assert.Equal(0, CodesDeliveredTo("adele"));
        var request = (await LatestForAsync("adele"))!;
        Assert.Equal(RequestStatus.Failed, request.Status);
        Assert.Contains("no pass was recorded", request.FailureReason);
    }

    [Fact]
    public async Task IssuerFirst_RecoveryLeavesARequestWhoseIssuerSavedFirst_AndTakesOnlyTheStuckOne()
    {
        await _bot.SayAsync("adele", "hi");
        await _bot.SayAsync("alexandra", "hi");
        // Adele's delivery hangs (the stuck one); Alexandra's is slow but finishes while recovery is still busy with Adele's.
        _bot.Connector.Delay(_bot.PersonalConversation("adele"), TimeSpan.FromSeconds(8));
        _bot.Connector.Delay(_bot.PersonalConversation("alexandra"), TimeSpan.FromSeconds(3));
        var adele = await StartIssuingAsync("adele");
        await WaitForStatusAsync("adele", RequestStatus.Issued);
        var adelePass = _bot.PassId("adele")!;
        _bot.Tenant.Faults.Add(new FaultRule { Method = "DELETE", PathContains = adelePass, Status = 0, DelayMs = 5000 });
        var alexandra = await StartIssuingAsync("alexandra");
        await WaitForStatusAsync("alexandra", RequestStatus.Issued);
        var alexandraPass = _bot.PassId("alexandra");

        _clock.Advance(TimeSpan.FromMinutes(6)); // both look stuck to the job that now runs; it reaches Adele's first

        Assert.Contains("issued for Alexandra Walker", Text((await alexandra)["value"]));
        var adeleAnswer = Text((await adele)["value"]);
        await WaitForStatusAsync("adele", RequestStatus.Failed);
        Assert.Equal(RequestStatus.Delivered, (await LatestForAsync("alexandra"))!.Status);
        Assert.Equal(alexandraPass, _bot.PassId("alexandra")); // recovery lost the race for it: nothing deleted
        Assert.Null(_bot.PassId("adele"));
        Assert.Contains("the pass was deleted again", adeleAnswer);
        // Adele's card had already arrived when her issuer learnt it had lost: it no longer shows the code.
        Assert.Contains(_bot.Connector.Calls, c => c.Method == "PUT" && Uri.UnescapeDataString(c.Path).Contains(_bot.PersonalConversation("adele"))
                                                   && Text(c.Body).Contains("Temporary Access Pass withdrawn"));
    }
}
