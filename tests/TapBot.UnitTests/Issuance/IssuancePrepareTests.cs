using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using TapBot.Domain;
using TapBot.Domain.Issuance;
using TapBot.Domain.Passes;
using TapBot.Domain.People;
using TapBot.Domain.Ports;
using TapBot.Domain.Roles;

namespace TapBot.UnitTests;

/// <summary>
/// The issue form's rules over the pre-flight: one combined read, and a part that could not be read only matters when
/// its rule is reached (the contract tests prove the Graph pre-flight against the emulator).
/// </summary>
public sealed class IssuancePrepareTests
{
    private readonly FakeDirectory _directory = new();
    private readonly FakeAudit _audit = new();
    private readonly Person _megan;
    private readonly Person _isaiah;
    private readonly Person _adele;

    public IssuancePrepareTests()
    {
        _megan = _directory.Add("Megan Bowen", "megan@contoso.com", "approvers");
        _isaiah = _directory.Add("Isaiah Langer", "isaiah@contoso.com", "privileged");
        _adele = _directory.Add("Adele Vance", "adele@contoso.com", "eligible");
    }

    private IssuanceService Service()
    {
        var options = Options.Create(new IssuanceOptions());
        // Preparing a form creates nothing: the issuing collaborators are never reached.
        var roles = FakeDirectory.Roles(o => (o.ApproverGroupIds, o.PrivilegedApproverGroupIds) = (["approvers"], ["privileged"]));
        return new(_directory, _directory, new RoleResolver(_directory, roles), new PrivilegedTargets(roles),
            null!, _audit, new ReachableEveryone(), new RecipientResolver(_directory, options), null!, null!, null!, null!, options, new FakeTimeProvider());
    }

    private static Requester As(Person p) => new(p.Id, p.DisplayName);

    private static EntraException Failure(EntraFailure failure) => new(failure, "Microsoft Graph answered (test).");

    [Fact]
    public async Task PickedById_IsOneCombinedRead()
    {
        var form = Assert.IsType<PrepareOutcome.Form>(await Service().PrepareForIdAsync(As(_megan), _adele.Id, default));

        Assert.Equal(_adele, form.Value.Target);
        Assert.Equal((1, 0, 0), (_directory.Preflights, _directory.MembershipCalls, _directory.PersonLookups));
    }

    [Fact]
    public async Task ByName_ChecksTheRequesterFirst_ThenSearches_ThenOneCombinedRead()
    {
        Assert.IsType<PrepareOutcome.Form>(await Service().PrepareAsync(As(_megan), "Adele", default));

        Assert.Equal((1, 1, 1), (_directory.MembershipCalls, _directory.Searches, _directory.Preflights));
    }

    [Fact]
    public async Task ByAddress_OneCombinedRead_WithTheRequestersRoles_NoSearch()
    {
        Assert.IsType<PrepareOutcome.Form>(await Service().PrepareAsync(As(_megan), "adele@contoso.com", default));

        Assert.Equal((0, 0, 1), (_directory.MembershipCalls, _directory.Searches, _directory.Preflights));
    }

    [Fact]
    public async Task ByAddress_ThatIsNobodysUpn_IsSearchedForAfterTheCombinedRead()
    {
        var outcome = await Service().PrepareAsync(As(_megan), "nobody@contoso.com", default);

        Assert.IsType<PrepareOutcome.Unresolved>(outcome);
        Assert.Equal((0, 1, 1), (_directory.MembershipCalls, _directory.Searches, _directory.Preflights));
    }

    [Fact]
    public async Task NotAnApprover_IsRefused_ByIdAndByName_WithoutSearching()
    {
        var byId = Assert.IsType<PrepareOutcome.Refused>(await Service().PrepareForIdAsync(As(_adele), _megan.Id, default));
        var byName = Assert.IsType<PrepareOutcome.Refused>(await Service().PrepareAsync(As(_adele), "megan@contoso.com", default));

        Assert.StartsWith("Only TAP approvers", byId.Message);
        Assert.StartsWith("Only TAP approvers", byName.Message);
        Assert.Equal(0, _directory.Searches);
    }

    [Theory]
    [InlineData("not-a-guid")]
    [InlineData("00000000-0000-0000-0000-000000000001")]
    public async Task PickedById_SomeoneNotInTheDirectory_IsRefused(string personId)
    {
        var refused = Assert.IsType<PrepareOutcome.Refused>(await Service().PrepareForIdAsync(As(_megan), personId, default));

        Assert.Equal("That person is no longer in the directory.", refused.Message);
    }

    [Fact]
    public async Task AFailedPart_DoesNotMatter_WhenAnEarlierRuleDecides()
    {
        var diego = _directory.Add("Diego Siciliani", "diego@contoso.com");
        _directory.People[^1] = diego with { AccountEnabled = false };
        _directory.PreflightFailures[nameof(Preflight.Policy)] = Failure(EntraFailure.AccessDenied);

        var refused = Assert.IsType<PrepareOutcome.Refused>(await Service().PrepareForIdAsync(As(_megan), diego.Id, default));

        Assert.Contains("account is disabled", refused.Message);
    }

    [Fact]
    public async Task AFailedPart_IsRaised_WhenItsRuleIsReached()
    {
        _directory.PreflightFailures[nameof(Preflight.TargetPrivilege)] = Failure(EntraFailure.Throttled);

        var e = await Assert.ThrowsAsync<EntraException>(() => Service().PrepareForIdAsync(As(_megan), _adele.Id, default));

        Assert.Equal(EntraFailure.Throttled, e.Failure);
    }

    [Fact]
    public async Task APrivilegedApprover_NeverNeedsTheTargetsPrivilege()
    {
        _directory.PreflightFailures[nameof(Preflight.TargetPrivilege)] = Failure(EntraFailure.Throttled);

        Assert.IsType<PrepareOutcome.Form>(await Service().PrepareForIdAsync(As(_isaiah), _adele.Id, default));
    }

    [Fact]
    public async Task APrivilegedTarget_NeedsAPrivilegedApprover()
    {
        _directory.Privileges[_adele.Id] = FakeDirectory.WithActiveRole(DirectoryRoleTemplates.GlobalAdministrator);

        var refused = Assert.IsType<PrepareOutcome.Refused>(await Service().PrepareForIdAsync(As(_megan), _adele.Id, default));

        Assert.Contains("only a privileged approver", refused.Message);
        Assert.IsType<PrepareOutcome.Form>(await Service().PrepareForIdAsync(As(_isaiah), _adele.Id, default));
    }

    [Theory]
    [InlineData("eligible", "", true)]
    [InlineData("someone-elses-group", "", false)]
    [InlineData("all_users", "eligible", false)]
    [InlineData("all_users", "someone-elses-group", true)]
    public async Task PolicyScope_ComesFromTheTargetsMembershipOfThePolicysGroups(string include, string exclude, bool inScope)
    {
        _directory.Policy = _directory.Policy with
        {
            IncludeTargets = [new PolicyTarget("group", include)],
            ExcludeTargets = exclude.Length == 0 ? [] : [new PolicyTarget("group", exclude)],
        };

        var outcome = await Service().PrepareForIdAsync(As(_megan), _adele.Id, default);

        Assert.Equal(inScope, outcome is PrepareOutcome.Form);
        if (!inScope) Assert.Contains("outside the tenant's Temporary Access Pass policy", Assert.IsType<PrepareOutcome.Refused>(outcome).Message);
    }

    [Fact]
    public async Task AnExistingPass_IsWarnedAbout()
    {
        var now = DateTimeOffset.UtcNow;
        _directory.Passes[_adele.Id] = new TemporaryAccessPass("t", now, now, 60, true, true, "EnabledByPolicy");

        var form = Assert.IsType<PrepareOutcome.Form>(await Service().PrepareForIdAsync(As(_megan), _adele.Id, default));

        Assert.Contains(form.Value.Warnings, w => w.Kind == FormWarningKind.UsablePass);
    }

    private sealed class ReachableEveryone : IPasscodeDelivery
    {
        public Task<bool> CanReachAsync(string personId, CancellationToken ct) => Task.FromResult(true);

        public Task<bool> EnsureReachableAsync(string personId, CancellationToken ct) => Task.FromResult(true);

        public Task<bool> NotifyOwnerAsync(OwnerNotice notice, CancellationToken ct) => throw new NotSupportedException();

        public Task<DeliveryReceipt> DeliverAsync(string recipientId, Person target, IssuedPass pass, Requester issuer, CancellationToken ct) =>
            throw new NotSupportedException();

        public Task<bool> RedactAsync(string recipientId, Domain.Requests.Delivery delivery, string why, CancellationToken ct) =>
            throw new NotSupportedException();
    }
}
