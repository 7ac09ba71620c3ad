using TapBot.Domain.People;
using TapBot.Domain.Ports;
using TapBot.Domain.Roles;

namespace TapBot.UnitTests;

/// <summary>The privileged-target rule on its own: what counts, what may be exempted, and that unknown is privileged.</summary>
public sealed class PrivilegedTargetsTests
{
    private static readonly Person Target = new("t", "t@contoso.com", null, "Taylor", "Member", true);

    private static PrivilegedTargets Rule(Action<RoleOptions>? shape = null) => new(FakeDirectory.Roles(o =>
    {
        o.ApproverGroupIds = ["approvers"];
        o.PrivilegedApproverGroupIds = ["privileged"];
        shape?.Invoke(o);
    }));

    private static PrivilegeFacts MemberOf(params DirectoryMembership[] items) =>
        FakeDirectory.Ordinary with { MemberOf = Fetched<IReadOnlyList<DirectoryMembership>>.Of(items) };

    [Fact]
    public void AnOrdinaryUser_InAnOrdinaryGroup_IsNotPrivileged()
    {
        Assert.False(Rule().Assess(MemberOf(new DirectoryMembership("g", MembershipKind.Group, true, false))).IsPrivileged);
    }

    [Theory]
    [InlineData("/", PrivilegeReason.ActiveRole)]
    [InlineData("/administrativeUnits/au-1", PrivilegeReason.ActiveRole)]
    public void AnyActiveRole_AtAnyScope_IsPrivileged(string scope, PrivilegeReason expected)
    {
        Assert.True(Rule().Assess(FakeDirectory.WithActiveRole("custom-role-id", scope)).Has(expected));
    }

    [Fact]
    public void AnEligibleRole_IsPrivileged_AndNoPimLicenseMeansNobodyIsEligible()
    {
        var eligible = FakeDirectory.Ordinary with { EligibleRoles = Fetched<HeldRoles>.Of(new HeldRoles([new HeldRole(DirectoryRoleTemplates.GlobalAdministrator, "/")])) };
        var unlicensed = FakeDirectory.Ordinary with { EligibleRoles = Fetched<HeldRoles>.Of(HeldRoles.Unlicensed) };

        Assert.Equal([new PrivilegeFinding(PrivilegeReason.EligibleRole)], Rule().Assess(eligible).Findings);
        Assert.False(Rule().Assess(unlicensed).IsPrivileged);
    }

    [Fact]
    public void TapBotsOwnGroups_AreRecognisedByIdEvenWithLimitedInformation()
    {
        var facts = MemberOf(new DirectoryMembership("approvers", MembershipKind.Group, Readable: false));

        Assert.Contains(new PrivilegeFinding(PrivilegeReason.TapBotApprover), Rule().Assess(facts).Findings);
    }

    [Fact]
    public void LimitedInformation_AndRefusedLists_CountAsPrivileged_NamingThePermission()
    {
        var group = MemberOf(new DirectoryMembership("g", MembershipKind.Group, Readable: false));
        var role = MemberOf(new DirectoryMembership("r", MembershipKind.DirectoryRole, Readable: false));
        var denied = FakeDirectory.Ordinary with { ActiveRoles = Fetched<HeldRoles>.Failed(new EntraException(EntraFailure.AccessDenied, "403")) };
        var silentGroup = MemberOf(new DirectoryMembership("g", MembershipKind.Group, Readable: true, IsAssignableToRole: null));

        Assert.Equal(PrivilegedTargets.GroupPermission, Rule().Assess(group).MissingPermission);
        Assert.Equal(PrivilegedTargets.RolePermission, Rule().Assess(role).MissingPermission);
        Assert.Equal(PrivilegedTargets.RolePermission, Rule().Assess(denied).MissingPermission);
        Assert.True(Rule().Assess(silentGroup).Has(PrivilegeReason.Unreadable));
    }

    [Fact]
    public void AnIncompleteList_WithOnlyExemptRoles_IsPrivileged()
    {
        var rule = Rule(o => o.NotPrivilegedRoleTemplateIds = [DirectoryRoleTemplates.DirectoryReaders]);
        var facts = FakeDirectory.Ordinary with
        {
            ActiveRoles = Fetched<HeldRoles>.Of(new HeldRoles([new HeldRole(DirectoryRoleTemplates.DirectoryReaders, "/")], Complete: false)),
        };

        Assert.True(rule.Assess(facts).Has(PrivilegeReason.Unreadable));
    }

    [Fact]
    public void AThrottledDirectory_IsRaised_NotGuessed()
    {
        var facts = FakeDirectory.Ordinary with { EligibleRoles = Fetched<HeldRoles>.Failed(new EntraException(EntraFailure.Throttled, "429")) };

        Assert.Equal(EntraFailure.Throttled, Assert.Throws<EntraException>(() => Rule().Assess(facts)).Failure);
    }

    [Fact]
    public void ReaderRoles_MayBeExempted_ButNeverAnApproverRole_NorOtherRoles()
    {
        var rule = Rule(o => o.NotPrivilegedRoleTemplateIds = [DirectoryRoleTemplates.DirectoryReaders, DirectoryRoleTemplates.AuthenticationAdministrator, DirectoryRoleTemplates.GlobalAdministrator]);

        Assert.False(rule.Assess(FakeDirectory.WithActiveRole(DirectoryRoleTemplates.DirectoryReaders)).IsPrivileged);
        Assert.True(rule.Assess(FakeDirectory.WithActiveRole(DirectoryRoleTemplates.AuthenticationAdministrator)).IsPrivileged); // makes someone an approver
        Assert.True(rule.Assess(FakeDirectory.WithActiveRole(DirectoryRoleTemplates.GlobalAdministrator)).IsPrivileged); // not Entra's list
    }

    [Fact]
    public void ExemptingARoleOutsideEntrasList_StopsTheStart()
    {
        var options = new RoleOptions { NotPrivilegedRoleTemplateIds = [DirectoryRoleTemplates.GlobalAdministrator] };

        Assert.Contains(options.Problems(), p => p.Contains("NotPrivilegedRoleTemplateIds"));
    }

    [Fact]
    public void APrivilegedApprover_NeverReadsTheFacts_OthersGetOneSentence()
    {
        var refusal = Rule().Refusal(TapRoles.Approver, () => FakeDirectory.WithActiveRole(DirectoryRoleTemplates.GlobalAdministrator), Target, PrivilegedAction.Revoke);

        Assert.Null(Rule().Refusal(TapRoles.PrivilegedApprover, () => throw new InvalidOperationException("read"), Target, PrivilegedAction.Issue));
        Assert.Equal("Taylor holds an administrator role; only a privileged approver can revoke their pass.", refusal?.Message);
    }
}
