using Microsoft.Extensions.Options;
using TapBot.Domain;
using TapBot.Domain.Approvals;
using TapBot.Domain.People;
using TapBot.Domain.Ports;
using TapBot.Domain.Requests;
using TapBot.Domain.Roles;

namespace TapBot.UnitTests.Approvals;

/// <summary>Who may decide a request and who is asked to: the approval rules on their own, against a fake directory.</summary>
public sealed class ApproverRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly FakeDirectory _directory = new();
    private readonly Person _megan, _isaiah, _lynne, _adele, _alex;

    public ApproverRulesTests() => (_megan, _isaiah, _lynne, _adele, _alex) = Cast.In(_directory);

    private ApproverRules Rules(bool allowManager = true, bool channel = false) =>
        new(new RoleResolver(_directory, Cast.Roles), new PrivilegedTargets(Cast.Roles), new OneChannel(channel),
            Options.Create(new ApprovalOptions { AllowManager = allowManager }));

    private static Requester As(Person p) => Cast.As(p);

    private ApprovalView View(Person requester, Person target, Person? manager = null) => new(
        AccessRequest.Create(requester.Id == target.Id ? RequestKind.Recovery : RequestKind.OnBehalf, "t", requester.Id, target.Id, target.Id, 60, null, true,
            "lost my phone", Now, TimeSpan.FromMinutes(60)),
        target, requester, target, null, new ApprovalRouting(manager, true));

    private static Task<PrivilegeFacts> Ordinary() => Task.FromResult(FakeDirectory.Ordinary);

    private static Task<PrivilegeFacts> GlobalAdmin() => Task.FromResult(FakeDirectory.WithActiveRole(DirectoryRoleTemplates.GlobalAdministrator));

    [Fact]
    public async Task WhyNotDecider_AnApprover_MayDecideAnOrdinaryPersonsRequest()
    {
        Assert.Null(await Rules().WhyNotDeciderAsync(As(_megan), View(_adele, _adele), Ordinary, default));
    }

    [Fact]
    public async Task WhyNotDecider_WhoeverMadeTheRequest_MayNotDecideIt()
    {
        Assert.Equal("You made this request, so someone else must decide it.",
            (await Rules().WhyNotDeciderAsync(As(_megan), View(_megan, _adele), Ordinary, default))?.Message);
    }

    [Fact]
    public async Task WhyNotDecider_NobodyDecidesForTheirOwnAccount()
    {
        Assert.Equal("This request is for your own account, so someone else must decide it.",
            (await Rules().WhyNotDeciderAsync(As(_megan), View(_lynne, _megan), Ordinary, default))?.Message);
    }

    [Fact]
    public async Task WhyNotDecider_SomeoneWithoutARole_IsRefused_NamingTheManagerOnlyWhenManagersMayApprove()
    {
        Assert.Equal("Only TAP approvers or Adele Vance's manager can decide this request.",
            (await Rules().WhyNotDeciderAsync(As(_alex), View(_adele, _adele), Ordinary, default))?.Message);
        Assert.Equal("Only TAP approvers can decide this request.",
            (await Rules(allowManager: false).WhyNotDeciderAsync(As(_alex), View(_adele, _adele), Ordinary, default))?.Message);
    }

    [Fact]
    public async Task WhyNotDecider_ThePersonsManager_MayDecideWithoutARole()
    {
        Assert.Null(await Rules().WhyNotDeciderAsync(As(_alex), View(_adele, _adele, manager: _alex), Ordinary, default));
    }

    [Fact]
    public async Task WhyNotDecider_APrivilegedPerson_NeedsAPrivilegedApprover()
    {
        Assert.NotNull(await Rules().WhyNotDeciderAsync(As(_megan), View(_adele, _adele), GlobalAdmin, default));
        Assert.Null(await Rules().WhyNotDeciderAsync(As(_isaiah), View(_adele, _adele), GlobalAdmin, default));
    }

    [Fact]
    public async Task Route_AsksAnEnabledManager_WhoIsNeitherTheRequesterNorTheTarget()
    {
        var routing = await Rules().RouteAsync(As(_adele), _adele, _alex, FakeDirectory.Ordinary, "t", default);

        Assert.Equal(_alex, routing.Manager);
        Assert.False(routing.ToApproversChannel);
    }

    [Fact]
    public async Task Route_NeverAsksTheRequester_AndIsEmptyWithoutAChannel()
    {
        var routing = await Rules().RouteAsync(As(_alex), _adele, _alex, FakeDirectory.Ordinary, "t", default);

        Assert.True(routing.IsEmpty);
    }

    [Fact]
    public async Task Route_SkipsTheManager_WhenManagersMayNotApprove_OrCannotDecideForAPrivilegedPerson()
    {
        Assert.Null((await Rules(allowManager: false, channel: true).RouteAsync(As(_adele), _adele, _alex, FakeDirectory.Ordinary, "t", default)).Manager);
        var privileged = await Rules(channel: true).RouteAsync(As(_adele), _adele, _alex, FakeDirectory.WithActiveRole(DirectoryRoleTemplates.GlobalAdministrator), "t", default);
        Assert.Equal((null, true), (privileged.Manager, privileged.ToApproversChannel));
    }

    private sealed class OneChannel(bool set) : IApproversChannelStatus
    {
        public Task<bool> IsSetAsync(string tenantId, CancellationToken ct) => Task.FromResult(set);
    }
}
