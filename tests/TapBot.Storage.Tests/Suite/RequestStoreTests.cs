using Microsoft.Extensions.DependencyInjection;
using TapBot.Conversations;
using TapBot.Domain.Ports;
using TapBot.Domain.Requests;

namespace TapBot.Storage.Tests;

/// <summary>Requests on a real database: round trips, and exactly one winner among concurrent decisions.</summary>
public abstract class RequestStoreTests<TDatabase> : StorageTest<TDatabase> where TDatabase : TestDatabase, new()
{
    private Task<T> Store<T>(Func<IRequestStore, Task<T>> work) => InScopeAsync(work);

    private async Task<AccessRequest> NewRecoveryAsync()
    {
        var request = AccessRequest.Create(RequestKind.Recovery, "tenant", "adele", "adele", "adele", 60, Clock.GetUtcNow().AddHours(1),
            true, "lost my phone", Clock.GetUtcNow(), TimeSpan.FromMinutes(60));
        await Store(async s => { await s.AddAsync(request, default); return 0; });
        return request;
    }

    [Fact]
    public async Task Request_RoundTripsThroughEveryState()
    {
        var request = await NewRecoveryAsync();
        var now = Clock.GetUtcNow();

        foreach (var step in new Action<AccessRequest>[]
                 {
                     r => r.Decide("megan", true, now, "verified by video"),
                     r => r.MarkIssued("pass-1", now.AddHours(2)),
                     r => r.MarkDelivered("a:chat", "msg-1", now),
                     r => r.MarkRedacted(now.AddHours(2)),
                 })
        {
            var loaded = (await Store(s => s.GetAsync(request.Id, default)))!;
            step(loaded);
            await Store(async s => { await s.SaveAsync(loaded, default); return 0; });
        }

        var final = (await Store(s => s.GetAsync(request.Id, default)))!;
        Assert.Equal(RequestStatus.Delivered, final.Status);
        Assert.Equal(new Decision("megan", true, now, "verified by video"), final.Decision);
        Assert.Equal(("pass-1", now.AddHours(2)), (final.PassId, final.PassExpiresAt));
        Assert.Equal(new Delivery("a:chat", "msg-1", now, now.AddHours(2)), final.Delivery);
        Assert.Equal(request.StartsAt, final.StartsAt);
        Assert.Equal(4, final.Version);
    }

    [Fact]
    public async Task PendingRequests_AreFoundForReminderOnce_AndByTarget()
    {
        var request = await NewRecoveryAsync();

        Assert.Equal(request.Id, (await Store(s => s.PendingForTargetAsync("tenant", "adele", default)))!.Id);
        Assert.Null(await Store(s => s.PendingForTargetAsync("tenant", "lynne", default)));
        Assert.Empty(await Store(s => s.DueForReminderAsync(Clock.GetUtcNow().AddMinutes(-1), 10, default)));
        var due = Assert.Single(await Store(s => s.DueForReminderAsync(Clock.GetUtcNow().AddMinutes(1), 10, default)));

        due.MarkReminded(Clock.GetUtcNow());
        await Store(async s => { await s.SaveAsync(due, default); return 0; });

        Assert.Empty(await Store(s => s.DueForReminderAsync(Clock.GetUtcNow().AddMinutes(1), 10, default)));
        Assert.Equal(Clock.GetUtcNow(), (await Store(s => s.GetAsync(request.Id, default)))!.RemindedAt);
    }

    [Fact]
    public async Task RequestCards_AreKeptPerRequest_InOrder()
    {
        var id = Guid.NewGuid();
        var cards = new[]
        {
            new RequestCardCopy(id, RequestCardRole.Requester, "adele", new ConversationAddress("msteams", "https://smba.example/", "a:adele", "28:bot"), "m1"),
            new RequestCardCopy(id, RequestCardRole.Manager, "megan", new ConversationAddress("msteams", "https://smba.example/", "a:megan", "28:bot"), "m2"),
            new RequestCardCopy(id, RequestCardRole.ApproversChannel, null, new ConversationAddress("msteams", "https://smba.example/", "19:c@thread.skype", "28:bot"), "m3"),
        };
        foreach (var card in cards) await InScopeAsync<IRequestCardCopies, int>(async s => { await s.AddAsync(card, default); return 0; });
        await InScopeAsync<IRequestCardCopies, int>(async s => { await s.AddAsync(cards[0] with { RequestId = Guid.NewGuid() }, default); return 0; });

        Assert.Equal(cards, await InScopeAsync<IRequestCardCopies, IReadOnlyList<RequestCardCopy>>(s => s.ListAsync(id, default)));
    }

    [Fact]
    public async Task SentCards_AreKnownOnlyInTheirConversation_WithTheirFlow()
    {
        var form = new SentCard("a:megan", "m1", CardFlow.Issue, Clock.GetUtcNow());
        await InScopeAsync<ISentCards, int>(async s => { await s.RememberAsync(form, default); return 0; });
        await InScopeAsync<ISentCards, int>(async s => { await s.RememberAsync(form with { MessageId = "m2", Flow = CardFlow.Revoke }, default); return 0; });

        Assert.Equal(CardFlow.Issue, await InScopeAsync<ISentCards, CardFlow?>(s => s.FlowOfAsync("a:megan", "m1", default)));
        Assert.Equal(CardFlow.Revoke, await InScopeAsync<ISentCards, CardFlow?>(s => s.FlowOfAsync("a:megan", "m2", default)));
        Assert.Null(await InScopeAsync<ISentCards, CardFlow?>(s => s.FlowOfAsync("a:adele", "m1", default)));
        Assert.Null(await InScopeAsync<ISentCards, CardFlow?>(s => s.FlowOfAsync("a:megan", "m3", default)));
    }

    [Fact]
    public async Task TwoDecisionsFromTheSameRead_OnlyTheFirstSaveCounts()
    {
        var request = await NewRecoveryAsync();
        var byMegan = (await Store(s => s.GetAsync(request.Id, default)))!;
        var byIsaiah = (await Store(s => s.GetAsync(request.Id, default)))!;
        byMegan.Decide("megan", true, Clock.GetUtcNow());
        byIsaiah.Decide("isaiah", false, Clock.GetUtcNow());

        await Store(async s => { await s.SaveAsync(byMegan, default); return 0; });
        await Assert.ThrowsAsync<RequestChangedException>(() => Store(async s => { await s.SaveAsync(byIsaiah, default); return 0; }));

        Assert.Equal("megan", (await Store(s => s.GetAsync(request.Id, default)))!.Decision!.DeciderId);
    }

    [Fact]
    public async Task TwentyConcurrentApprovals_ExactlyOneWins()
    {
        var request = await NewRecoveryAsync();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(async () =>
        {
            await using var scope = Services.CreateAsyncScope();
            var store = scope.ServiceProvider.GetRequiredService<IRequestStore>();
            var loaded = (await store.GetAsync(request.Id, default))!;
            try
            {
                loaded.Decide("approver-" + i, true, Clock.GetUtcNow());
                await store.SaveAsync(loaded, default);
                return true;
            }
            catch (Exception e) when (e is RequestChangedException or RequestTransitionException)
            {
                return false;
            }
        })));

        Assert.Equal(1, outcomes.Count(o => o));
        var final = (await Store(s => s.GetAsync(request.Id, default)))!;
        Assert.Equal((RequestStatus.Approved, 1), (final.Status, final.Version));
    }

    [Fact]
    public async Task PendingPastDeadline_ListsOnlyLapsedPendingRequests()
    {
        var lapsed = await NewRecoveryAsync();
        var decided = await NewRecoveryAsync();
        var loaded = (await Store(s => s.GetAsync(decided.Id, default)))!;
        loaded.Decide("megan", false, Clock.GetUtcNow());
        await Store(async s => { await s.SaveAsync(loaded, default); return 0; });
        Clock.Advance(TimeSpan.FromMinutes(30));
        var fresh = await NewRecoveryAsync();
        Clock.Advance(TimeSpan.FromMinutes(31));

        var due = await Store(s => s.PendingPastDeadlineAsync(Clock.GetUtcNow(), 10, default));

        Assert.Equal([lapsed.Id], due.Select(r => r.Id));
        Assert.DoesNotContain(fresh.Id, due.Select(r => r.Id));
    }

    [Fact]
    public async Task Interrupted_GoesByWhenIssuingBegan_NotWhenTheRequestWasMade()
    {
        var created = Clock.GetUtcNow();
        var (stuck, approvedLate, neverBegun) = (await NewRecoveryAsync(), await NewRecoveryAsync(), await NewRecoveryAsync());
        Clock.Advance(TimeSpan.FromMinutes(30));
        await Step(stuck.Id, r => { r.Decide("megan", true, Clock.GetUtcNow()); r.BeginIssuing(Clock.GetUtcNow()); r.MarkIssued("pass-1", Clock.GetUtcNow().AddHours(1)); });
        Clock.Advance(TimeSpan.FromMinutes(1));
        await Step(neverBegun.Id, r => r.Decide("megan", true, Clock.GetUtcNow()));
        Clock.Advance(TimeSpan.FromMinutes(10));
        await Step(approvedLate.Id, r => { r.Decide("megan", true, Clock.GetUtcNow()); r.BeginIssuing(Clock.GetUtcNow()); });

        var candidates = await Store(s => s.InterruptedAsync(Clock.GetUtcNow().AddMinutes(-5), 10, default));

        Assert.Equal([stuck.Id, neverBegun.Id], candidates.Select(r => r.Id));
        Assert.Equal(created.AddMinutes(30), candidates[0].IssuingSince);
        Assert.Equal("pass-1", candidates[0].PassId);
        Assert.Null(candidates[1].IssuingSince);
    }

    private async Task Step(Guid id, Action<AccessRequest> change)
    {
        var loaded = (await Store(s => s.GetAsync(id, default)))!;
        change(loaded);
        await Store(async s => { await s.SaveAsync(loaded, default); return 0; });
    }
}
