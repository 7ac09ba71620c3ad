using TapBot.Domain;
using TapBot.Domain.Entitlements;
using TapBot.Domain.People;
using TapBot.Domain.Ports;

namespace TapBot.Storage.Tests;

/// <summary>Pass entitlements on a real database: round trips, the job queries, and one winner among concurrent saves.</summary>
public abstract class EntitlementStoreTests<TDatabase> : StorageTest<TDatabase> where TDatabase : TestDatabase, new()
{
    private static readonly Person Adele = new("adele", "adele@contoso.com", null, "Adele Vance", "Member", true);

    private Task<T> Store<T>(Func<IEntitlementStore, Task<T>> work) => InScopeAsync(work);

    private Task Save(PassEntitlement e) => Store(async s => { await s.SaveAsync(e, default); return 0; });

    private async Task<PassEntitlement> GrantAsync(DateTimeOffset? startsAt = null)
    {
        var e = PassEntitlement.Grant("tenant", Adele, Adele.Id, new Requester("megan", "Megan Bowen"), Guid.NewGuid(), 60, startsAt, true, "INC-1",
            Clock.GetUtcNow(), TimeSpan.FromHours(24));
        await Store(async s => { await s.AddAsync(e, default); return 0; });
        return e;
    }

    [Fact]
    public async Task Entitlement_RoundTripsThroughAReveal()
    {
        var granted = await GrantAsync(Clock.GetUtcNow().AddDays(1));
        var now = Clock.GetUtcNow();
        foreach (var step in new Action<PassEntitlement>[]
                 {
                     e => e.MarkPosted("a:chat", "msg-1"),
                     e => e.BeginReveal(now),
                     e => e.RecordPass("pass-1", now.AddDays(1), now.AddDays(1).AddHours(1)),
                     e => e.MarkShown(now),
                 })
        {
            var loaded = (await Store(s => s.GetAsync(granted.Id, default)))!;
            step(loaded);
            await Save(loaded);
        }

        var final = (await Store(s => s.GetAsync(granted.Id, default)))!;
        Assert.Equal(EntitlementState.Shown, final.State);
        Assert.Equal(("pass-1", now, now.AddDays(1).AddHours(1)), (final.PassId, final.ShownAt!.Value, final.ValidUntil!.Value));
        Assert.Equal(new EntitlementCard("a:chat", "msg-1"), final.Card);
        Assert.Equal((granted.StartsAt, granted.RevealBy, granted.RequestId, "Adele Vance"), (final.StartsAt, final.RevealBy, final.RequestId, final.TargetName));
        Assert.Equal(4, final.Version);
    }

    [Fact]
    public async Task TheJobQueries_FindDueAndStuckEntitlements_AndTheTargetsReadyOnes()
    {
        var ready = await GrantAsync();
        var revealing = await GrantAsync();
        revealing.BeginReveal(Clock.GetUtcNow());
        await Save(revealing);

        Assert.Equal([ready.Id], (await Store(s => s.ReadyForTargetAsync("tenant", "adele", default))).Select(e => e.Id));
        Assert.Empty(await Store(s => s.ReadyForTargetAsync("other-tenant", "adele", default)));
        Assert.Empty(await Store(s => s.ReadyPastRevealByAsync(Clock.GetUtcNow().AddHours(23), 10, default)));
        Assert.Equal([ready.Id], (await Store(s => s.ReadyPastRevealByAsync(Clock.GetUtcNow().AddHours(24), 10, default))).Select(e => e.Id));
        Assert.Empty(await Store(s => s.InterruptedRevealsAsync(Clock.GetUtcNow().AddSeconds(-1), 10, default)));
        Assert.Equal([revealing.Id], (await Store(s => s.InterruptedRevealsAsync(Clock.GetUtcNow(), 10, default))).Select(e => e.Id));
    }

    [Fact]
    public async Task ShownCardsToClose_AreThoseNoLongerValid_WhoseCardStillStands()
    {
        var now = Clock.GetUtcNow();
        var shown = await GrantAsync();
        foreach (var step in new Action<PassEntitlement>[]
                 { e => e.MarkPosted("a:chat", "msg-1"), e => e.BeginReveal(now), e => e.RecordPass("pass-1", now, now.AddHours(1)), e => e.MarkShown(now) })
        {
            var loaded = (await Store(s => s.GetAsync(shown.Id, default)))!;
            step(loaded);
            await Save(loaded);
        }

        Assert.Empty(await Store(s => s.ShownPastValidUntilAsync(now.AddMinutes(59), 10, default)));
        Assert.Equal([shown.Id], (await Store(s => s.ShownPastValidUntilAsync(now.AddHours(1), 10, default))).Select(e => e.Id));

        var closed = (await Store(s => s.GetAsync(shown.Id, default)))!;
        closed.CardClosed();
        await Save(closed);
        Assert.Null((await Store(s => s.GetAsync(shown.Id, default)))!.Card);
        Assert.Empty(await Store(s => s.ShownPastValidUntilAsync(now.AddHours(2), 10, default)));
    }

    [Fact]
    public async Task OfTwoSavesFromTheSameRead_OnlyTheFirstCounts()
    {
        var granted = await GrantAsync();
        var first = (await Store(s => s.GetAsync(granted.Id, default)))!;
        var second = (await Store(s => s.GetAsync(granted.Id, default)))!;

        first.BeginReveal(Clock.GetUtcNow());
        await Save(first);
        second.Cancel("revoked");

        await Assert.ThrowsAsync<EntitlementChangedException>(() => Save(second));
        Assert.Equal(EntitlementState.Revealing, (await Store(s => s.GetAsync(granted.Id, default)))!.State);
    }
}
