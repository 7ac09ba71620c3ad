using Microsoft.Extensions.Time.Testing;
using TapBot.Domain;
using TapBot.Domain.Audit;
using TapBot.Domain.Issuance;
using TapBot.Domain.Passes;
using TapBot.Domain.People;
using TapBot.Domain.Roles;

namespace TapBot.UnitTests.Issuance;

/// <summary>The revocation rules before anything is deleted: approvers only, privileged people by privileged approvers, the pass shown.</summary>
public sealed class RevocationServiceTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly FakeDirectory _directory = new();
    private readonly FakeAudit _audit = new();
    private readonly Person _megan, _isaiah, _lynne, _adele;

    public RevocationServiceTests()
    {
        (_megan, _isaiah, _lynne, _adele, _) = Cast.In(_directory);
        _directory.Passes[_adele.Id] = new TemporaryAccessPass("pass-1", Now, Now, 60, true, true, "EnabledByPolicy");
    }

    /// <summary>Refusals never reach the request store or delivery.</summary>
    private RevocationService Service() =>
        new(_directory, _directory, new RoleResolver(_directory, Cast.Roles), new PrivilegedTargets(Cast.Roles), null!, _audit, null!, null!,
            new TapBot.UnitTests.Entitlements.FakeEntitlementStore(), new TapBot.Domain.TapTenant("t", "Contoso"), new FakeTimeProvider(Now));

    private static Requester As(Person p) => Cast.As(p);

    [Fact]
    public async Task Prepare_ByAnApprover_AsksToConfirmThePassShown()
    {
        var confirm = Assert.IsType<RevokeOutcome.Confirm>(await Service().PrepareAsync(As(_megan), "adele@contoso.com", default));

        Assert.Equal((_adele, "pass-1"), (confirm.Target, confirm.Pass.Id));
    }

    [Fact]
    public async Task Prepare_BySomeoneWhoIsNotAnApprover_IsRefused()
    {
        var refused = Assert.IsType<RevokeOutcome.Refused>(await Service().PrepareAsync(As(_lynne), "adele@contoso.com", default));

        Assert.Equal("Only TAP approvers can revoke a Temporary Access Pass.", refused.Message);
    }

    [Fact]
    public async Task Prepare_ForSomeoneWithoutAPass_SaysSo()
    {
        var refused = Assert.IsType<RevokeOutcome.Refused>(await Service().PrepareAsync(As(_megan), "lynne@contoso.com", default));

        Assert.Equal("Lynne Robbins has no Temporary Access Pass to revoke.", refused.Message);
    }

    [Fact]
    public async Task Revoke_BySomeoneWhoIsNotAnApprover_IsRefusedAndAudited()
    {
        Assert.IsType<RevokeOutcome.Refused>(await Service().RevokeAsync(As(_lynne), _adele.Id, "pass-1", default));

        Assert.Equal(AuditKinds.RevokeRefused, Assert.Single(_audit.Entries).Kind);
    }

    [Fact]
    public async Task Revoke_APrivilegedPersonsPass_NeedsAPrivilegedApprover()
    {
        _directory.Privileges[_adele.Id] = FakeDirectory.WithActiveRole(DirectoryRoleTemplates.GlobalAdministrator);

        Assert.IsType<RevokeOutcome.Refused>(await Service().RevokeAsync(As(_megan), _adele.Id, "pass-1", default));
        Assert.Equal(AuditKinds.RevokeRefused, Assert.Single(_audit.Entries).Kind);
        // Past the privilege rule, a pass that changed since the confirmation is left alone.
        Assert.IsType<RevokeOutcome.Refused>(await Service().RevokeAsync(As(_isaiah), _adele.Id, "another-pass", default));
    }

    [Fact]
    public async Task Revoke_APassThatChangedSinceTheConfirmation_IsLeftAlone()
    {
        var refused = Assert.IsType<RevokeOutcome.Refused>(await Service().RevokeAsync(As(_megan), _adele.Id, "pass-0", default));

        Assert.Contains("pass changed since this card was shown", refused.Message);
        // Nothing was revoked, and the refusal is audited like every other.
        Assert.Equal([AuditKinds.RevokeRefused], _audit.Entries.Select(e => e.Kind));
    }
}
