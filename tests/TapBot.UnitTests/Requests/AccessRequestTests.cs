using TapBot.Domain.Requests;

namespace TapBot.UnitTests;

public sealed class AccessRequestTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 10, 0, 0, TimeSpan.Zero);

    private static AccessRequest Recovery(string requester = "adele", string target = "adele") =>
        AccessRequest.Create(RequestKind.Recovery, "t", requester, target, target, 60, null, true, "lost my phone", Now, TimeSpan.FromMinutes(60));

    [Fact]
    public void Decide_ByAnotherPerson_Approves()
    {
        var request = Recovery();

        request.Decide("megan", approve: true, Now.AddMinutes(2));

        Assert.Equal(RequestStatus.Approved, request.Status);
        Assert.Equal(new Decision("megan", true, Now.AddMinutes(2), null), request.Decision);
    }

    [Theory]
    [InlineData("adele", "adele", "adele", "they made")]
    [InlineData("alex", "adele", "alex", "they made")]
    [InlineData("alex", "adele", "adele", "for their own account")]
    public void Decide_ByRequesterOrTarget_IsRefused(string requester, string target, string decider, string why)
    {
        var request = Recovery(requester, target);

        Assert.Contains(why, Assert.Throws<RequestTransitionException>(() => request.Decide(decider, true, Now)).Message);
        Assert.Equal(RequestStatus.Pending, request.Status);
    }

    [Fact]
    public void Decide_Twice_IsRefused_TheFirstDecisionStands()
    {
        var request = Recovery();
        request.Decide("megan", false, Now, "call the service desk");

        Assert.Contains("already denied", Assert.Throws<RequestTransitionException>(() => request.Decide("isaiah", true, Now)).Message);
        Assert.Equal("megan", request.Decision!.DeciderId);
    }

    [Fact]
    public void Decide_AfterTheDeadline_IsRefused_AndExpiryWorks()
    {
        var request = Recovery();

        Assert.Throws<RequestTransitionException>(() => request.Decide("megan", true, Now.AddMinutes(60)));
        Assert.Throws<RequestTransitionException>(() => request.Expire(Now.AddMinutes(59)));
        request.Expire(Now.AddMinutes(60));
        Assert.Equal(RequestStatus.Expired, request.Status);
    }

    [Fact]
    public void DirectIssuance_ThroughToRedaction()
    {
        var request = AccessRequest.Create(RequestKind.DirectIssuance, "t", "megan", "adele", "adele", 120, null, false, "INC-1", Now, TimeSpan.FromMinutes(5));

        request.ApproveAsIssuer(Now);
        request.MarkIssued("pass-1", Now.AddMinutes(120));
        request.MarkDelivered("a:chat", "msg-1", Now);
        request.MarkRedacted(Now.AddMinutes(120));

        Assert.Equal(RequestStatus.Delivered, request.Status);
        Assert.Equal(Now.AddMinutes(120), request.Delivery!.RedactedAt);
    }

    [Fact]
    public void DirectIssuance_ForOneself_IsRefused()
    {
        var request = AccessRequest.Create(RequestKind.DirectIssuance, "t", "megan", "megan", "megan", 60, null, true, "", Now, TimeSpan.FromMinutes(5));

        Assert.Throws<RequestTransitionException>(() => request.ApproveAsIssuer(Now));
    }

    [Fact]
    public void IllegalMoves_AreRefused()
    {
        var request = Recovery();

        Assert.Throws<RequestTransitionException>(() => request.MarkIssued("p", Now));
        Assert.Throws<RequestTransitionException>(() => request.MarkDelivered("c", "m", Now));
        Assert.Throws<RequestTransitionException>(() => request.MarkRevoked());
        Assert.Throws<RequestTransitionException>(() => request.MarkRedacted(Now));
        Assert.Throws<RequestTransitionException>(() =>
            AccessRequest.Create(RequestKind.Recovery, "t", "a", "a", "a", 5, null, true, "", Now, TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public void BeginIssuing_OnlyOnceAndOnlyWhenApproved()
    {
        var request = Recovery();
        Assert.Throws<RequestTransitionException>(() => request.BeginIssuing(Now));
        request.Decide("megan", true, Now);

        request.BeginIssuing(Now.AddMinutes(1));

        Assert.Equal(Now.AddMinutes(1), request.IssuingSince);
        Assert.Throws<RequestTransitionException>(() => request.BeginIssuing(Now.AddMinutes(2)));
    }
}
