using Microsoft.Extensions.DependencyInjection;
using TapBot.Conversations;
using TapBot.Domain.Ports;

namespace TapBot.Storage.Tests;

/// <summary>The abuse-limit ledger: numbered slots per limit, person and window, shared by instances on one database.</summary>
public abstract class LimitLedgerTests<TDatabase> : StorageTest<TDatabase> where TDatabase : TestDatabase, new()
{
    private static readonly DateTimeOffset Today = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private LimitClaim Claim(string holder, int max = 3, string subject = "adele", DateTimeOffset? window = null, string limit = "PassesPerPerson") =>
        new(limit, subject, window ?? Today, max, holder, Clock.GetUtcNow());

    private static async Task<T> WithLedger<T>(IServiceProvider instance, Func<ILimitLedger, Task<T>> work)
    {
        await using var scope = instance.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<ILimitLedger>());
    }

    private Task<bool> ClaimAsync(LimitClaim claim, IServiceProvider? instance = null) => WithLedger(instance ?? Services, l => l.TryClaimAsync(claim, default));

    private Task<int> CountAsync(string subject = "adele", DateTimeOffset? window = null) =>
        WithLedger(Services, l => l.CountAsync("PassesPerPerson", subject, window ?? Today, default));

    [Fact]
    public async Task ClaimsUpToTheMaximum_ThenRefuses()
    {
        for (var i = 0; i < 3; i++) Assert.True(await ClaimAsync(Claim("grant-" + i)));

        Assert.False(await ClaimAsync(Claim("grant-3")));
        Assert.Equal(3, await CountAsync());
    }

    [Fact]
    public async Task TheSameHolder_HoldsOneSlot()
    {
        Assert.True(await ClaimAsync(Claim("grant", max: 1)));
        Assert.True(await ClaimAsync(Claim("grant", max: 1)));
        Assert.False(await ClaimAsync(Claim("other", max: 1)));
        Assert.Equal(1, await CountAsync());
    }

    [Fact]
    public async Task LimitsPeopleAndWindows_CountApart()
    {
        Assert.True(await ClaimAsync(Claim("a", max: 1)));
        Assert.True(await ClaimAsync(Claim("b", max: 1, subject: "alex")));
        Assert.True(await ClaimAsync(Claim("c", max: 1, window: Today.AddDays(1))));
        Assert.True(await ClaimAsync(Claim("d", max: 1, limit: "RequestsPerPerson")));
        Assert.Equal(1, await CountAsync());
    }

    [Fact]
    public async Task Released_SlotIsFreeAgain()
    {
        Assert.True(await ClaimAsync(Claim("a", max: 2)));
        Assert.True(await ClaimAsync(Claim("b", max: 2)));
        await WithLedger(Services, async l => { await l.ReleaseAsync("PassesPerPerson", "adele", Today, "a", default); return 0; });

        Assert.True(await ClaimAsync(Claim("c", max: 2)));
        Assert.False(await ClaimAsync(Claim("d", max: 2)));
    }

    [Fact]
    public async Task OpenLimit_ReclaimsASlotWhoseHolderIsNoLongerOpen_OnlyAfterTheGrace()
    {
        var epoch = DateTimeOffset.UnixEpoch;
        Assert.True(await ClaimAsync(Claim("request-1", max: 1, window: epoch, limit: "OpenRequestsPerOperator")));
        var next = Claim("request-2", max: 1, window: epoch, limit: "OpenRequestsPerOperator") with { StillOpen = new HashSet<string>() };

        Assert.False(await ClaimAsync(next with { ReclaimBefore = Clock.GetUtcNow() })); // just claimed: still being filed
        Assert.False(await ClaimAsync(next with { StillOpen = new HashSet<string> { "request-1" }, ReclaimBefore = Clock.GetUtcNow().AddMinutes(1) }));
        Assert.True(await ClaimAsync(next with { ReclaimBefore = Clock.GetUtcNow().AddMinutes(1) }));
        Assert.Equal(1, await WithLedger(Services, l => l.CountAsync("OpenRequestsPerOperator", "adele", epoch, default)));
    }

    [Fact]
    public async Task InstancesRacingForTheLastSlots_NeverTakeMoreThanTheMaximum()
    {
        var instances = Enumerable.Range(0, 6).Select(i => NewInstance("racer-" + i)).ToList();
        try
        {
            // Each instance has its connection open already, then 6 instances make 4 claims each, at once, for 5 slots.
            await Task.WhenAll(instances.Select(i => WithLedger(i, l => l.CountAsync("warm-up", "nobody", Today, default))));
            using var start = new SemaphoreSlim(0);
            var claims = instances.SelectMany((instance, i) => Enumerable.Range(0, 4).Select(async j =>
            {
                await start.WaitAsync();
                return await ClaimAsync(Claim($"grant-{i}-{j}", max: 5), instance);
            })).ToList();
            start.Release(claims.Count);
            var results = await Task.WhenAll(claims);

            Assert.Equal(5, results.Count(r => r));
            Assert.Equal(5, await CountAsync());
        }
        finally
        {
            foreach (var i in instances) await i.DisposeAsync();
        }
    }

    [Fact]
    public async Task InstancesRacingToReclaimOneSlot_OneWins()
    {
        var epoch = DateTimeOffset.UnixEpoch;
        Assert.True(await ClaimAsync(Claim("decided", max: 1, window: epoch, limit: "OpenRequestsPerOperator")));
        Clock.Advance(TimeSpan.FromMinutes(10));
        var instances = Enumerable.Range(0, 6).Select(i => NewInstance("racer-" + i)).ToList();
        try
        {
            var results = await Task.WhenAll(instances.Select((instance, i) => ClaimAsync(
                Claim("request-" + i, max: 1, window: epoch, limit: "OpenRequestsPerOperator") with
                {
                    StillOpen = new HashSet<string>(), ReclaimBefore = Clock.GetUtcNow().AddMinutes(-5),
                }, instance)));

            Assert.Equal(1, results.Count(r => r));
        }
        finally
        {
            foreach (var i in instances) await i.DisposeAsync();
        }
    }

    [Fact]
    public async Task Prune_DeletesOldWindows_KeepsOpenLimits()
    {
        Assert.True(await ClaimAsync(Claim("old", window: Today.AddDays(-3))));
        Assert.True(await ClaimAsync(Claim("new")));
        Assert.True(await ClaimAsync(Claim("open", window: DateTimeOffset.UnixEpoch)));

        Assert.Equal(1, await WithLedger(Services, l => l.PruneAsync(Today.AddDays(-2), default)));
        Assert.Equal(1, await CountAsync(window: DateTimeOffset.UnixEpoch));
        Assert.Equal(1, await CountAsync());
    }

    [Fact]
    public async Task SecurityAlertChannel_SetGet_AndSetAgainReplaces()
    {
        SecurityAlertChannel Channel(string conversation, string by) =>
            new("tenant", new ConversationAddress("msteams", "https://smba.trafficmanager.net/emea/", conversation, "28:bot"), by, Today);
        await InScopeAsync<ISecurityAlertChannels, int>(async c => { await c.SetAsync(Channel("19:a", "megan"), default); return 0; });
        await InScopeAsync<ISecurityAlertChannels, int>(async c => { await c.SetAsync(Channel("19:b", "isaiah"), default); return 0; });

        Assert.Equal(Channel("19:b", "isaiah"), await InScopeAsync<ISecurityAlertChannels, SecurityAlertChannel?>(c => c.GetAsync("tenant", default)));
        Assert.Null(await InScopeAsync<ISecurityAlertChannels, SecurityAlertChannel?>(c => c.GetAsync("other", default)));
    }
}
