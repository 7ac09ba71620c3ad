using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using TapBot.Domain.Roles;

namespace TapBot.UnitTests.Roles;

/// <summary>
/// Roles reused for views for <see cref="LookupCacheOptions.Seconds"/>; decisions read the directory every turn.
/// Each <see cref="RoleResolver"/> is one turn's, as in the host.
/// </summary>
public sealed class RecentLookupsTests
{
    private readonly FakeDirectory _directory = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));

    private RecentLookups Recent(int seconds = 30) => new(Options.Create(new LookupCacheOptions { Seconds = seconds }), _clock);

    private RoleResolver Turn(RecentLookups recent) => new(_directory, FakeDirectory.Roles(o => o.ApproverGroupIds = ["approvers"]), recent);

    [Fact]
    public async Task RecentRoles_AreReusedAcrossTurns_UntilTheyExpire()
    {
        var recent = Recent();
        var megan = _directory.Add("Megan Bowen", "megan@contoso.com", "approvers");

        Assert.Equal(TapRoles.Approver, await Turn(recent).GetRecentRolesAsync(megan.Id, default));
        _directory.Memberships[megan.Id].Clear(); // removed from the approvers
        Assert.Equal(TapRoles.Approver, await Turn(recent).GetRecentRolesAsync(megan.Id, default));
        Assert.Equal(1, _directory.MembershipCalls);

        _clock.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal(TapRoles.None, await Turn(recent).GetRecentRolesAsync(megan.Id, default));
        Assert.Equal(2, _directory.MembershipCalls);
    }

    [Fact]
    public async Task DecisionRoles_AreReadLiveEveryTurn_EvenWhileAViewKeepsThem()
    {
        var recent = Recent();
        var megan = _directory.Add("Megan Bowen", "megan@contoso.com", "approvers");
        await Turn(recent).GetRecentRolesAsync(megan.Id, default);

        _directory.Memberships[megan.Id].Clear();

        Assert.Equal(TapRoles.None, await Turn(recent).GetRolesAsync(megan.Id, default));
        Assert.Equal(2, _directory.MembershipCalls);
    }

    [Fact]
    public async Task ZeroSeconds_ReadsEveryTime()
    {
        var recent = Recent(seconds: 0);
        var megan = _directory.Add("Megan Bowen", "megan@contoso.com", "approvers");

        await Turn(recent).GetRecentRolesAsync(megan.Id, default);
        await Turn(recent).GetRecentRolesAsync(megan.Id, default);

        Assert.Equal(2, _directory.MembershipCalls);
    }

    [Theory]
    [InlineData(-1, false)]
    [InlineData(0, true)]
    [InlineData(300, true)]
    [InlineData(301, false)]
    public void Seconds_AreChecked(int seconds, bool ok) =>
        Assert.Equal(ok, !new LookupCacheOptions { Seconds = seconds }.Problems().Any());
}
