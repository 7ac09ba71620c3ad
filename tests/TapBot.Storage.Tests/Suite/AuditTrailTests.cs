using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TapBot.Domain.Audit;
using TapBot.Domain.Ports;

namespace TapBot.Storage.Tests;

/// <summary>The audit trail: append-only, hash-chained, verifiable, retention that keeps it verifiable.</summary>
public abstract class AuditTrailTests<TDatabase> : StorageTest<TDatabase> where TDatabase : TestDatabase, new()
{
    private Task<T> Audit<T>(Func<IAuditTrail, Task<T>> work) => InScopeAsync(work);

    private Task<AuditEvent> AppendAsync(string kind, string target = "t1") =>
        Audit(a => a.AppendAsync(AuditEntry.Of(kind, "actor-1", target, ("reason", "ticket 42")), default));

    [Fact]
    public async Task Appends_AreNumberedAndChained_AndVerify()
    {
        var first = await AppendAsync("StatusViewed");
        var second = await AppendAsync("StatusRefused");

        Assert.Equal((1L, AuditEvent.Genesis), (first.Sequence, first.PreviousHash));
        Assert.Equal((2L, first.Hash), (second.Sequence, second.PreviousHash));
        Assert.True(second.HashMatches(await InScopeAsync<AuditChainKey, AuditChainKey>(Task.FromResult)));
        var verification = await Audit(a => a.VerifyAsync(default));
        Assert.Equal(new AuditVerification(true, 2, 1, 2, null), verification);
    }

    [Fact]
    public async Task EditingAnEvent_IsDetected()
    {
        for (var i = 0; i < 3; i++) await AppendAsync("StatusViewed");

        await SqlAsync("""UPDATE audit_events SET "DetailsJson" = '{{"reason":"nothing to see"}}' WHERE "Sequence" = 2""");

        var verification = await Audit(a => a.VerifyAsync(default));
        Assert.False(verification.Intact);
        Assert.Contains("event 2 was altered", verification.Problem);
    }

    [Fact]
    public async Task DeletingAnEvent_IsDetected()
    {
        for (var i = 0; i < 3; i++) await AppendAsync("StatusViewed");

        await SqlAsync("""DELETE FROM audit_events WHERE "Sequence" = 2""");

        Assert.Contains("event 2 is missing", (await Audit(a => a.VerifyAsync(default))).Problem);
    }

    [Fact]
    public async Task RewritingAnEventAndItsHash_BreaksTheNextLink()
    {
        for (var i = 0; i < 3; i++) await AppendAsync("StatusViewed");

        // A forger who recomputes event 2's own hash still cannot make event 3 point at it.
        await SqlAsync("""UPDATE audit_events SET "Hash" = 'ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff' WHERE "Sequence" = 2""");

        Assert.False((await Audit(a => a.VerifyAsync(default))).Intact);
    }

    [Fact]
    public async Task RewritingAnEvent_AndRecomputingTheChainWithPlainSha256_IsDetectedAtThatEvent()
    {
        var events = new List<AuditEvent>();
        for (var i = 0; i < 4; i++) events.Add(await AppendAsync("StatusViewed"));

        await ForgeFromAsync(events, 2, canonical => Convert.ToHexStringLower(SHA256.HashData(canonical)));

        var verification = await Audit(a => a.VerifyAsync(default));
        Assert.False(verification.Intact);
        Assert.StartsWith("event 2 ", verification.Problem);
        Assert.Equal(1, verification.Events);
    }

    [Fact]
    public async Task RewritingAnEvent_AndRecomputingTheChainWithAnotherKey_IsDetectedAtThatEvent()
    {
        var events = new List<AuditEvent>();
        for (var i = 0; i < 4; i++) events.Add(await AppendAsync("StatusViewed"));
        var forgersKey = RandomNumberGenerator.GetBytes(32);

        await ForgeFromAsync(events, 3, canonical => Convert.ToHexStringLower(HMACSHA256.HashData(forgersKey, canonical)));

        var verification = await Audit(a => a.VerifyAsync(default));
        Assert.False(verification.Intact);
        Assert.StartsWith("event 3 ", verification.Problem);
    }

    [Fact]
    public async Task EventsFromBeforeTheKey_FailVerify_UntilDeclared_ThenOnlyThoseAreAcceptedUnkeyed()
    {
        // An upgraded database: events 1-2 carry the plain SHA-256 an unkeyed TapBot wrote, 3-4 link on with the key.
        var old = new List<AuditEvent> { await AppendAsync("StatusViewed"), await AppendAsync("StatusViewed") };
        await ForgeFromAsync(old, 1, canonical => Convert.ToHexStringLower(SHA256.HashData(canonical)));
        await AppendAsync("StatusViewed");
        await AppendAsync("StatusViewed");

        var undeclared = await Audit(a => a.VerifyAsync(default));
        Assert.False(undeclared.Intact);
        Assert.Contains("event 1 carries a chain value computed without TapBot's audit chain key", undeclared.Problem);
        Assert.Contains("Audit:UnkeyedThroughSequence", undeclared.Problem);

        await using var upgraded = NewInstance("upgraded", new Dictionary<string, string?> { ["Audit:UnkeyedThroughSequence"] = "2" });
        await using var scope = upgraded.CreateAsyncScope();
        var declared = await scope.ServiceProvider.GetRequiredService<IAuditTrail>().VerifyAsync(default);
        Assert.Equal(new AuditVerification(true, 4, 1, 4, null, Unkeyed: 2), declared);

        await using var tooFar = NewInstance("too-far", new Dictionary<string, string?> { ["Audit:UnkeyedThroughSequence"] = "1" });
        await using var tooFarScope = tooFar.CreateAsyncScope();
        Assert.StartsWith("event 2 ", (await tooFarScope.ServiceProvider.GetRequiredService<IAuditTrail>().VerifyAsync(default)).Problem);
    }

    [Fact]
    public async Task Head_IsTheNewestEvent_OrTheAnchorOnceRetentionDeletedEverything()
    {
        Assert.Null(await Audit(a => a.HeadAsync(default)));
        await AppendAsync("Old");
        var newest = await AppendAsync("Newer");

        Assert.Equal(new AuditHead(2, newest.Hash), await Audit(a => a.HeadAsync(default)));

        Clock.Advance(TimeSpan.FromDays(500));
        await Audit(a => a.PurgeBeforeAsync(Clock.GetUtcNow(), default));
        Assert.Equal(new AuditHead(2, newest.Hash), await Audit(a => a.HeadAsync(default)));
    }

    /// <summary>
    /// What a forger with write access to the database and TapBot's source can do: change an event's reason, then
    /// recompute its chain value and every later one (same layout as TapBot's), so each event links to the one before.
    /// </summary>
    private async Task ForgeFromAsync(IReadOnlyList<AuditEvent> events, long sequence, Func<byte[], string> hash)
    {
        var previous = events.Single(e => e.Sequence == sequence).PreviousHash;
        foreach (var e in events.Where(e => e.Sequence >= sequence))
        {
            var details = e.Sequence == sequence ? new Dictionary<string, string> { ["reason"] = "nothing to see" } : e.Details;
            var canonical = JsonSerializer.Serialize(new object?[]
            {
                e.Sequence, e.At.UtcTicks, e.Kind, e.ActorId, e.TargetId,
                details.OrderBy(d => d.Key, StringComparer.Ordinal).Select(d => new[] { d.Key, d.Value }).ToArray(), previous,
            });
            var forged = hash(Encoding.UTF8.GetBytes(canonical));
            var json = JsonSerializer.Serialize(details).Replace("{", "{{").Replace("}", "}}");
            await SqlAsync($"""UPDATE audit_events SET "DetailsJson" = '{json}', "PreviousHash" = '{previous}', "Hash" = '{forged}' WHERE "Sequence" = {e.Sequence}""");
            previous = forged;
        }
    }

    [Fact]
    public async Task ConcurrentAppends_MakeOneUnbrokenChain()
    {
        await Task.WhenAll(Enumerable.Range(0, 40).Select(i => AppendAsync("StatusViewed", "t" + i)));

        var verification = await Audit(a => a.VerifyAsync(default));
        Assert.True(verification.Intact, verification.Problem);
        Assert.Equal(40, verification.Events);
    }

    [Fact]
    public async Task Retention_DeletesOldEvents_AndTheRestStillVerifies()
    {
        await AppendAsync("Old1");
        await AppendAsync("Old2");
        Clock.Advance(TimeSpan.FromDays(500));
        await AppendAsync("Recent");

        var deleted = await Audit(a => a.PurgeBeforeAsync(Clock.GetUtcNow().AddDays(-400), default));
        await AppendAsync("AfterPurge");

        Assert.Equal(2, deleted);
        var verification = await Audit(a => a.VerifyAsync(default));
        Assert.True(verification.Intact, verification.Problem);
        Assert.Equal((2L, 3L, 4L), (verification.Events, verification.FirstSequence!.Value, verification.LastSequence!.Value));
    }

    [Fact]
    public async Task Retention_OfEverything_StillLinksTheNextEvent()
    {
        await AppendAsync("Old");
        Clock.Advance(TimeSpan.FromDays(500));
        await Audit(a => a.PurgeBeforeAsync(Clock.GetUtcNow(), default));

        var next = await AppendAsync("New");

        Assert.Equal(2, next.Sequence);
        Assert.True((await Audit(a => a.VerifyAsync(default))).Intact);
    }

    [Fact]
    public async Task Recent_ReturnsAPersonsEvents_NewestFirst()
    {
        await AppendAsync("A", "p1");
        await AppendAsync("B", "p2");
        await AppendAsync("C", "p1");

        var recent = await Audit(a => a.RecentAsync("p1", 10, default));

        Assert.Equal(["C", "A"], recent.Select(e => e.Kind));
        Assert.Equal("ticket 42", recent[0].Details["reason"]);
    }
}

/// <summary>The retention job itself, on the fake clock (default settings: 400 days, every 6 hours).</summary>
public abstract class AuditRetentionJobTests<TDatabase> : StorageTest<TDatabase> where TDatabase : TestDatabase, new()
{
    protected override bool RunRetentionJob => true;

    private Task<T> Audit<T>(Func<IAuditTrail, Task<T>> work) => InScopeAsync(work);

    private Task<AuditEvent> AppendAsync(string kind) =>
        Audit(a => a.AppendAsync(AuditEntry.Of(kind, "actor-1", "t1"), default));

    [Fact]
    public async Task RetentionJob_RunsOnItsSchedule_AndRecordsWhatItDeleted()
    {
        await AppendAsync("Old");
        Clock.Advance(TimeSpan.FromMinutes(1)); // the job's first run, a minute after start: nothing is old yet
        await Task.Delay(200);
        Clock.Advance(TimeSpan.FromDays(401)); // its timer ticks as the clock moves on

        var deadline = DateTime.UtcNow.AddSeconds(10);
        IReadOnlyList<AuditEvent> events;
        do
        {
            await Task.Delay(50);
            events = await Audit(a => a.RecentAsync(AuditKinds.SystemActor, 10, default));
        }
        while (events.Count == 0 && DateTime.UtcNow < deadline);

        var retention = Assert.Single(events);
        Assert.Equal((AuditKinds.AuditRetention, "1"), (retention.Kind, retention.Details["deleted"]));
        Assert.True((await Audit(a => a.VerifyAsync(default))).Intact);
    }
}
