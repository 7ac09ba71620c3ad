using TapBot.Domain;
using TapBot.Domain.Entitlements;
using TapBot.Domain.People;

namespace TapBot.UnitTests.Entitlements;

/// <summary>The entitlement's moves: shown once, only in time, cancelled or expired only while nothing was shown.</summary>
public sealed class PassEntitlementTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly Person Adele = new("a1", "adele@contoso.com", null, "Adele Vance", "Member", true);

    private static PassEntitlement Grant(DateTimeOffset? startsAt = null) =>
        PassEntitlement.Grant("t", Adele, Adele.Id, new Requester("m1", "Megan Bowen"), Guid.NewGuid(), 60, startsAt, true, "INC-1", Now, TimeSpan.FromHours(24));

    [Fact]
    public void RevealBy_CountsFromTheApproval_OrFromAScheduledStart()
    {
        Assert.Equal(Now.AddHours(24), Grant().RevealBy);
        Assert.Equal(Now.AddDays(3).AddHours(24), Grant(Now.AddDays(3)).RevealBy);
    }

    [Fact]
    public void ShownOnce_ThenNeverAgain()
    {
        var e = Grant();
        e.BeginReveal(Now);
        e.RecordPass("p1", Now, Now.AddHours(1));
        e.MarkShown(Now);
        Assert.Equal(EntitlementState.Shown, e.State);
        Assert.Throws<EntitlementTransitionException>(() => e.BeginReveal(Now));
        Assert.Throws<EntitlementTransitionException>(() => e.Cancel("revoked"));
    }

    [Fact]
    public void NotShownWithoutARecordedPass_NorAfterRevealBy()
    {
        var e = Grant();
        e.BeginReveal(Now);
        Assert.Throws<EntitlementTransitionException>(() => e.MarkShown(Now));
        Assert.Throws<EntitlementTransitionException>(() => Grant().BeginReveal(Now.AddHours(24)));
    }

    [Fact]
    public void AnInterruptedReveal_ReturnsToReady_WithoutItsPass()
    {
        var e = Grant();
        e.BeginReveal(Now);
        e.RecordPass("p1", Now, Now.AddHours(1));
        e.ReturnToReady();
        Assert.Equal(EntitlementState.Ready, e.State);
        Assert.Null(e.PassId);
        Assert.Null(e.RevealingSince);
    }

    [Fact]
    public void ExpiresOnlyWhenReady_AndDue()
    {
        Assert.Throws<EntitlementTransitionException>(() => Grant().Expire(Now.AddHours(23)));
        var e = Grant();
        e.Expire(Now.AddHours(24));
        Assert.Equal(EntitlementState.Expired, e.State);
    }
}
