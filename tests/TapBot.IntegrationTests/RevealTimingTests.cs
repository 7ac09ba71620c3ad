using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TapBot.Domain.Audit;
using TapBot.Domain.Entitlements;
using TapBot.Domain.Ports;
using TapBot.SimulatedTenant.Http;
using static TapBot.IntegrationTests.Reveals;

namespace TapBot.IntegrationTests;

/// <summary>
/// Reveal on demand against time and crashes, on a fake clock the test moves: unshown entitlements expire, a scheduled
/// start bounds the window, and a reveal a crash interrupted leaves no usable pass and can be shown again.
/// Issuance:RevealWithinHours is 1 here, so the clock moves in minutes rather than days (every job ticks each minute).
/// </summary>
public sealed class RevealTimingTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private BotUnderTest _bot = null!;

    public async Task InitializeAsync() =>
        _bot = await BotUnderTest.StartAsync(new() { ["Issuance:Delivery"] = "RevealOnDemand", ["Issuance:RevealWithinHours"] = "1" }, b => b.Services.AddSingleton<TimeProvider>(_clock));

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    private async Task<Guid> IssueAsync(string upnPrefix, DateTimeOffset? startsAt = null)
    {
        await _bot.SayAsync(upnPrefix, "hi");
        var choice = IssueForms.Choice(_bot, upnPrefix);
        if (startsAt is { } s)
        {
            choice["startDate"] = s.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            choice["startTime"] = s.UtcDateTime.ToString("HH:mm", CultureInfo.InvariantCulture);
        }

        Assert.Contains("Approved, not yet shown", Text((await _bot.ClickAsync("megan", "issuePass", choice))["value"]));
        return SingleEntitlement(_bot, upnPrefix);
    }

    /// <summary>The form takes a start to the minute.</summary>
    private static DateTimeOffset Minute(DateTimeOffset t) => new(t.Year, t.Month, t.Day, t.Hour, t.Minute, 0, TimeSpan.Zero);

    private async Task<IReadOnlyList<AuditEvent>> AuditOfAsync(string upnPrefix)
    {
        await using var scope = _bot.App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IAuditTrail>().RecentAsync(_bot.User(upnPrefix).Id, 50, default);
    }

    private async Task<T> WithAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = _bot.App.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
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

    [Fact]
    public async Task AnUnshownEntitlement_Expires_IsAudited_AndItsCardSaysHowToAskAgain()
    {
        var id = await IssueAsync("adele");
        _bot.Connector.Clear();

        _clock.Advance(TimeSpan.FromMinutes(61));
        await WithAsync(s => s.GetRequiredService<EntitlementUpkeep>().ExpireDueAsync(default)); // the job's run (it may have run already)

        Assert.Equal(EntitlementState.Expired, (await StoredAsync(_bot, id)).State);
        var rewrite = Text(Assert.Single(RewritesIn(_bot, "adele")).Body);
        Assert.Contains("expired unshown", rewrite);
        Assert.Contains("request a TAP", rewrite);
        Assert.Single(await AuditOfAsync("adele"), e => e.Kind == AuditKinds.EntitlementExpired);
        var late = await ShowCodeAsync(_bot, "adele", id);
        Assert.Contains("expired unshown", Text(late["value"]));
        Assert.Null(_bot.PassId("adele"));
    }

    [Fact]
    public async Task AShownPassesCard_StaysAsTheClickerSawIt_UntilThePassIsNoLongerValid_ThenSaysWhenItWasShown()
    {
        var id = await IssueAsync("adele");
        Assert.NotNull(BotReplies.FindPasscode((await ShowCodeAsync(_bot, "adele", id))["value"]));
        _bot.Connector.Clear();
        await WithAsync(s => s.GetRequiredService<EntitlementUpkeep>().CloseShownCardsAsync(default));

        // A rewrite now would replace the code on the clicker's screen while they type it.
        Assert.Empty(RewritesIn(_bot, "adele"));

        _clock.SetUtcNow((await StoredAsync(_bot, id)).ValidUntil!.Value.AddMinutes(1));
        await WithAsync(s => s.GetRequiredService<EntitlementUpkeep>().CloseShownCardsAsync(default)); // the job may have run already

        var rewrite = Assert.Single(RewritesIn(_bot, "adele"));
        Assert.Contains("Temporary Access Pass shown", Text(rewrite.Body));
        Assert.Null(BotReplies.FindPasscode(rewrite.Body));
        Assert.Null((await StoredAsync(_bot, id)).Card);
    }

    [Fact]
    public async Task ShowCode_JustAfterRevealBy_ExpiresItThen_EvenBeforeTheJobRuns()
    {
        var id = await IssueAsync("adele");
        Assert.Equal(_clock.GetUtcNow().AddHours(1), (await StoredAsync(_bot, id)).RevealBy, TimeSpan.FromSeconds(1));

        _clock.Advance(TimeSpan.FromHours(1));
        var late = await ShowCodeAsync(_bot, "adele", id);

        Assert.Null(BotReplies.FindPasscode(late["value"]));
        Assert.Contains("expired unshown", Text(late["value"]));
        Assert.Equal(EntitlementState.Expired, (await StoredAsync(_bot, id)).State);
        Assert.Null(_bot.PassId("adele"));
    }

    [Fact]
    public async Task AScheduledStart_ShownBeforeIt_CreatesThePassWithThatStart_AndMayBeShownUntilAfterIt()
    {
        var start = Minute(_clock.GetUtcNow().AddHours(3));
        var id = await IssueAsync("adele", start);
        Assert.Equal(start.AddHours(1), (await StoredAsync(_bot, id)).RevealBy);
        Assert.Contains("Show it by", Text(Assert.Single(CardsPostedTo(_bot, "adele")).Body));

        _clock.Advance(TimeSpan.FromHours(2)); // past the hour an unscheduled pass would have had
        await WithAsync(s => s.GetRequiredService<EntitlementUpkeep>().ExpireDueAsync(default));
        var shown = await ShowCodeAsync(_bot, "adele", id);

        Assert.NotNull(BotReplies.FindPasscode(shown["value"]));
        Assert.Equal(start, _bot.Tenant.State.GetPass(_bot.User("adele"))!.Start);
    }

    [Fact]
    public async Task AScheduledStart_ThatPassedUnshown_StartsWhenShown()
    {
        var start = Minute(_clock.GetUtcNow().AddMinutes(30));
        var id = await IssueAsync("adele", start);

        _clock.Advance(TimeSpan.FromMinutes(70)); // past the start, inside start + RevealWithinHours
        var shown = await ShowCodeAsync(_bot, "adele", id);

        Assert.NotNull(BotReplies.FindPasscode(shown["value"]));
        var pass = _bot.Tenant.State.GetPass(_bot.User("adele"))!;
        Assert.True(Math.Abs((pass.Start - _bot.Tenant.State.Now).TotalMinutes) < 2, $"the pass starts {pass.Start:O}, not now");
        Assert.Equal(120, pass.LifetimeInMinutes); // the full lifetime, counted from the reveal
    }

    [Fact]
    public async Task ACrashBetweenCreatingThePassAndAnswering_LeavesNoUsablePass_AndTheCodeCanBeShownAgain()
    {
        var id = await IssueAsync("adele");
        // What a process that died right after recording the pass, before answering the click, leaves behind.
        var orphan = await WithAsync(async s =>
        {
            var store = s.GetRequiredService<IEntitlementStore>();
            var entitlement = (await store.GetAsync(id, default))!;
            entitlement.BeginReveal(_clock.GetUtcNow());
            await store.SaveAsync(entitlement, default);
            var created = await s.GetRequiredService<ITemporaryAccessPasses>().CreateAsync(entitlement.TargetId, 60, null, true, default);
            entitlement.RecordPass(created.Pass.Id, created.Pass.StartsAt, created.Pass.ExpiresAt);
            await store.SaveAsync(entitlement, default);
            return created.Pass.Id;
        });
        Assert.Equal(orphan, _bot.PassId("adele"));
        Assert.Contains("being shown right now", Text((await ShowCodeAsync(_bot, "adele", id))["value"]));

        _clock.Advance(TimeSpan.FromMinutes(6)); // past Issuance:RecoverAfterSeconds: the job's run
        await WithAsync(s => s.GetRequiredService<EntitlementUpkeep>().RecoverInterruptedAsync(default));
        // The job may have recovered it first: wait for the step recovery takes last.
        await WaitUntilAsync(async () => (await AuditOfAsync("adele")).Any(e => e.Kind == AuditKinds.RevealRecovered && e.Details["passDeleted"] == orphan),
            "the reveal to be recovered");

        Assert.Equal(EntitlementState.Ready, (await StoredAsync(_bot, id)).State);
        Assert.Null(_bot.PassId("adele"));
        var again = await ShowCodeAsync(_bot, "adele", id);
        Assert.NotNull(BotReplies.FindPasscode(again["value"]));
        Assert.NotEqual(orphan, _bot.PassId("adele"));
    }

    [Fact]
    public async Task RecoveryFirst_WhileGraphCreates_TheRevealTakesItsOwnPassBack()
    {
        var id = await IssueAsync("adele");
        var slowCreate = new FaultRule { Method = "POST", PathContains = "temporaryAccessPassMethods", Status = 0, DelayMs = 3000 };
        _bot.Tenant.Faults.Add(slowCreate);
        var click = ShowCodeAsync(_bot, "adele", id);
        await WaitUntilAsync(() => Task.FromResult(slowCreate.Hits == 1), "Graph to receive the create");

        _clock.Advance(TimeSpan.FromMinutes(6)); // the create hangs past Issuance:RecoverAfterSeconds; the job runs
        await WithAsync(s => s.GetRequiredService<EntitlementUpkeep>().RecoverInterruptedAsync(default));

        var answer = await click;
        Assert.Null(BotReplies.FindPasscode(answer["value"]));
        Assert.Contains("took too long", Text(answer["value"]));
        Assert.Null(_bot.PassId("adele"));
        Assert.Equal(EntitlementState.Ready, (await StoredAsync(_bot, id)).State);
        _bot.Tenant.Faults.Clear();
        Assert.NotNull(BotReplies.FindPasscode((await ShowCodeAsync(_bot, "adele", id))["value"]));
    }
}
