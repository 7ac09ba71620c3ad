using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using TapBot.Domain.Audit;
using TapBot.Domain.Limits;
using static TapBot.UnitTests.Cast;

namespace TapBot.UnitTests;

/// <summary>The abuse limits' rules over an in-memory ledger: counts, windows, release, the refused-commands gate, alerts.</summary>
public sealed class AbuseLimitsTests
{
    private readonly FakeDirectory _directory = new();
    private readonly Cast _cast;
    private readonly FakeLimitLedger _ledger = new();
    private readonly FakeOpenRequests _requests = new();
    private readonly FakeAudit _audit = new();
    private readonly FakeSecurityAlerts _alerts = new();
    private readonly RefusalGateMemory _known = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 2, 9, 41, 0, TimeSpan.Zero));
    private readonly LimitOptions _options = new();

    public AbuseLimitsTests() => _cast = In(_directory);

    private AbuseLimits Limits() => new(_ledger, _requests, _audit, _alerts, _known, Options.Create(_options), NullLogger<AbuseLimits>.Instance, _time);

    private static string Grant() => Guid.NewGuid().ToString();

    [Fact]
    public async Task PassesPerPerson_ThreeADay_TheFourthIsRefusedUntilUtcMidnight()
    {
        var limits = Limits();
        for (var i = 0; i < 3; i++) Assert.Null(await limits.CheckAndRecordPassGrantAsync(_cast.Adele, As(_cast.Megan), Grant(), default));

        var refusal = await limits.CheckAndRecordPassGrantAsync(_cast.Adele, As(_cast.Isaiah), Grant(), default);

        Assert.Equal(new LimitRefusal(LimitKind.PassesPerPerson, 3, new DateTimeOffset(2026, 12, 3, 0, 0, 0, TimeSpan.Zero), "Adele Vance"), refusal);
        var audited = Assert.Single(_audit.Entries, e => e.Kind == AuditKinds.LimitReached);
        Assert.Equal((_cast.Isaiah.Id, _cast.Adele.Id), (audited.ActorId, audited.TargetId));
        Assert.Equal(LimitKind.PassesPerPerson, Assert.Single(_alerts.Posted).Kind);

        _time.SetUtcNow(new DateTimeOffset(2026, 12, 3, 0, 0, 1, TimeSpan.Zero));
        Assert.Null(await limits.CheckAndRecordPassGrantAsync(_cast.Adele, As(_cast.Megan), Grant(), default));
    }

    [Fact]
    public async Task TheSameGrant_CountsOnce()
    {
        var limits = Limits();
        var grant = Grant();
        for (var i = 0; i < 5; i++) Assert.Null(await limits.CheckAndRecordPassGrantAsync(_cast.Adele, As(_cast.Megan), grant, default));
        Assert.Null(await limits.CheckAndRecordPassGrantAsync(_cast.Adele, As(_cast.Megan), Grant(), default));
    }

    [Fact]
    public async Task IssuancesPerApprover_PerClockHour_AndARefusedGrantDoesNotCountForThePerson()
    {
        _options.IssuancesPerApproverPerHour = 1;
        _options.PassesPerPersonPerDay = 1;
        var limits = Limits();
        Assert.Null(await limits.CheckAndRecordPassGrantAsync(_cast.Adele, As(_cast.Megan), Grant(), default));

        var refusal = await limits.CheckAndRecordPassGrantAsync(_cast.Alex, As(_cast.Megan), Grant(), default);

        Assert.Equal(new LimitRefusal(LimitKind.IssuancesPerApprover, 1, new DateTimeOffset(2026, 12, 2, 10, 0, 0, TimeSpan.Zero)), refusal);
        // Alex got nothing, so Alex's one pass of the day is still there: another approver may grant it.
        Assert.Null(await limits.CheckAndRecordPassGrantAsync(_cast.Alex, As(_cast.Isaiah), Grant(), default));
    }

    [Fact]
    public async Task AReleasedGrant_FreesItsPlace()
    {
        _options.PassesPerPersonPerDay = 1;
        var limits = Limits();
        var grant = Grant();
        Assert.Null(await limits.CheckAndRecordPassGrantAsync(_cast.Adele, As(_cast.Megan), grant, default));
        await limits.ReleasePassGrantAsync(_cast.Adele.Id, _cast.Megan.Id, grant, _time.GetUtcNow(), default);
        Assert.Null(await limits.CheckAndRecordPassGrantAsync(_cast.Adele, As(_cast.Isaiah), Grant(), default));
    }

    [Fact]
    public async Task RequestsPerPerson_CountForTheAccount_WhoeverFilesThem()
    {
        var limits = Limits();
        Assert.Null(await limits.CheckAndRecordRequestAsync(As(_cast.Adele), _cast.Adele, "t", Guid.NewGuid(), default));
        Assert.Null(await limits.CheckAndRecordRequestAsync(As(_cast.Lynne), _cast.Adele, "t", Guid.NewGuid(), default));
        Assert.Null(await limits.CheckAndRecordRequestAsync(As(_cast.Adele), _cast.Adele, "t", Guid.NewGuid(), default));

        var own = await limits.CheckAndRecordRequestAsync(As(_cast.Adele), _cast.Adele, "t", Guid.NewGuid(), default);
        var onBehalf = await limits.CheckAndRecordRequestAsync(As(_cast.Lynne), _cast.Adele, "t", Guid.NewGuid(), default);

        Assert.Equal(new LimitRefusal(LimitKind.RequestsPerPerson, 3, new DateTimeOffset(2026, 12, 3, 0, 0, 0, TimeSpan.Zero)), own);
        Assert.Equal("Adele Vance", onBehalf?.SubjectName);
    }

    [Fact]
    public async Task OpenRequestsPerOperator_APlaceFreesWhenARequestIsNoLongerPending()
    {
        _options.OpenRequestsPerOperator = 2;
        var limits = Limits();
        var first = Guid.NewGuid();
        var second = Guid.NewGuid();
        Assert.Null(await limits.CheckAndRecordRequestAsync(As(_cast.Lynne), _cast.Adele, "t", first, default));
        Assert.Null(await limits.CheckAndRecordRequestAsync(As(_cast.Lynne), _cast.Alex, "t", second, default));
        _requests.Open.AddRange([first, second]);

        var refusal = await limits.CheckAndRecordRequestAsync(As(_cast.Lynne), _cast.Megan, "t", Guid.NewGuid(), default);
        Assert.Equal(new LimitRefusal(LimitKind.OpenRequestsPerOperator, 2, null), refusal);

        // The first is decided: its place is free again (once it is past the filing grace).
        _requests.Open.Remove(first);
        _time.Advance(TimeSpan.FromMinutes(6));
        Assert.Null(await limits.CheckAndRecordRequestAsync(As(_cast.Lynne), _cast.Megan, "t", Guid.NewGuid(), default));
    }

    [Fact]
    public async Task OpenRequests_APlaceJustClaimed_IsKeptWhileItsRequestIsBeingFiled()
    {
        _options.OpenRequestsPerOperator = 1;
        var limits = Limits();
        Assert.Null(await limits.CheckAndRecordRequestAsync(As(_cast.Lynne), _cast.Adele, "t", Guid.NewGuid(), default));
        // Not stored yet (another instance is still filing it): not open, but not free either.
        Assert.NotNull(await limits.CheckAndRecordRequestAsync(As(_cast.Lynne), _cast.Alex, "t", Guid.NewGuid(), default));
    }

    [Fact]
    public async Task OwnRequests_AreNotOpenRequestsOfAnOperator()
    {
        _options.OpenRequestsPerOperator = 1;
        _options.RequestsPerPersonPerDay = 10;
        var limits = Limits();
        for (var i = 0; i < 3; i++) Assert.Null(await limits.CheckAndRecordRequestAsync(As(_cast.Adele), _cast.Adele, "t", Guid.NewGuid(), default));
    }

    [Fact]
    public async Task RefusedCommands_PastTheLimit_OneAnswerOneAlert_ThenSilenceUntilTheWindowEnds()
    {
        _options.RefusalsPerPersonPer10Minutes = 3;
        var limits = Limits();
        var alex = As(_cast.Alex);
        for (var i = 0; i < 3; i++)
        {
            Assert.IsType<RefusalGate.Open>(await limits.GateAsync(alex, default));
            await limits.RecordRefusalAsync(alex, default);
        }

        var first = Assert.IsType<RefusalGate.Paused>(await limits.GateAsync(alex, default));
        var second = Assert.IsType<RefusalGate.Paused>(await limits.GateAsync(alex, default));

        Assert.True(first.TellNow);
        Assert.False(second.TellNow);
        Assert.Equal(new DateTimeOffset(2026, 12, 2, 9, 50, 0, TimeSpan.Zero), first.Refusal.ResetsAt);
        Assert.Single(_alerts.Posted);
        Assert.Single(_audit.Entries, e => e.Kind == AuditKinds.LimitReached && e.ActorId == _cast.Alex.Id);
        Assert.IsType<RefusalGate.Open>(await limits.GateAsync(As(_cast.Adele), default));

        _time.SetUtcNow(new DateTimeOffset(2026, 12, 2, 9, 50, 0, TimeSpan.Zero));
        Assert.IsType<RefusalGate.Open>(await limits.GateAsync(alex, default));
    }

    [Fact]
    public async Task RefusedCommandsOnAnotherInstance_AreSeenHere_WithinTheMemorysTwoSeconds()
    {
        _options.RefusalsPerPersonPer10Minutes = 3;
        var here = Limits();
        // Another instance: the same ledger, its own memory.
        var there = new AbuseLimits(_ledger, _requests, _audit, _alerts, new RefusalGateMemory(), Options.Create(_options),
            NullLogger<AbuseLimits>.Instance, _time);
        var alex = As(_cast.Alex);
        Assert.IsType<RefusalGate.Open>(await here.GateAsync(alex, default));
        for (var i = 0; i < 3; i++) await there.RecordRefusalAsync(alex, default);

        // What this instance read a moment ago stands for up to two seconds (the documented cost of not reading the
        // ledger every turn), then the ledger is read again.
        Assert.IsType<RefusalGate.Open>(await here.GateAsync(alex, default));
        _time.Advance(RefusalGateMemory.OpenFor);
        Assert.IsType<RefusalGate.Paused>(await here.GateAsync(alex, default));
    }

    [Fact]
    public async Task ARefusalCountedHere_IsSeenByTheNextTurnHere_AtOnce()
    {
        _options.RefusalsPerPersonPer10Minutes = 1;
        var limits = Limits();
        var alex = As(_cast.Alex);
        Assert.IsType<RefusalGate.Open>(await limits.GateAsync(alex, default));
        await limits.RecordRefusalAsync(alex, default);

        Assert.IsType<RefusalGate.Paused>(await limits.GateAsync(alex, default));
    }

    [Fact]
    public async Task OneAlertPerPersonLimitAndWindow()
    {
        _options.PassesPerPersonPerDay = 1;
        var limits = Limits();
        Assert.Null(await limits.CheckAndRecordPassGrantAsync(_cast.Adele, As(_cast.Megan), Grant(), default));
        for (var i = 0; i < 3; i++) Assert.NotNull(await limits.CheckAndRecordPassGrantAsync(_cast.Adele, As(_cast.Megan), Grant(), default));

        Assert.Single(_alerts.Posted);
        Assert.Equal(3, _audit.Entries.Count(e => e.Kind == AuditKinds.LimitReached));
    }

    [Fact]
    public async Task Zero_TurnsALimitOff()
    {
        _options.PassesPerPersonPerDay = 0;
        _options.RefusalsPerPersonPer10Minutes = 0;
        var limits = Limits();
        for (var i = 0; i < 10; i++)
        {
            Assert.Null(await limits.CheckAndRecordPassGrantAsync(_cast.Adele, As(_cast.Isaiah), Grant(), default));
            await limits.RecordRefusalAsync(As(_cast.Alex), default);
        }

        Assert.IsType<RefusalGate.Open>(await limits.GateAsync(As(_cast.Alex), default));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(LimitOptions.MaxValue + 1)]
    public void Options_OutOfRange_AreNamed(int value)
    {
        var options = new LimitOptions { RequestsPerPersonPerDay = value };
        Assert.Equal($"Limits:RequestsPerPersonPerDay must be 0 (off) or 1..{LimitOptions.MaxValue}.", Assert.Single(options.Problems()));
        Assert.Empty(new LimitOptions().Problems());
    }

    [Theory]
    [InlineData(LimitKind.RefusedCommands, "2026-12-02T09:59:59Z", "2026-12-02T09:50:00Z", "2026-12-02T10:00:00Z")]
    [InlineData(LimitKind.IssuancesPerApprover, "2026-12-02T09:00:00Z", "2026-12-02T09:00:00Z", "2026-12-02T10:00:00Z")]
    [InlineData(LimitKind.PassesPerPerson, "2026-12-02T23:59:59+01:00", "2026-12-02T00:00:00Z", "2026-12-03T00:00:00Z")]
    public void Windows_AreFixedAndUtc(LimitKind kind, string at, string start, string end)
    {
        var instant = DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(DateTimeOffset.Parse(start, System.Globalization.CultureInfo.InvariantCulture), LimitWindows.StartOf(kind, instant));
        Assert.Equal(DateTimeOffset.Parse(end, System.Globalization.CultureInfo.InvariantCulture), LimitWindows.EndOf(kind, instant));
    }
}
