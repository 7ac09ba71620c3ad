using TapBot.Domain.Roles;

namespace TapBot.UnitTests.Roles;

/// <summary>Roles from live directory membership: which ids count, what each gives, and one read per person per turn.</summary>
public sealed class RoleResolverTests
{
    private readonly FakeDirectory _directory = new();

    private RoleResolver Resolver() => new(_directory, FakeDirectory.Roles(o =>
    {
        o.HelpdeskGroupIds = ["helpdesk"];
        o.ApproverGroupIds = ["approvers"];
        o.ApproverRoleTemplateIds = [DirectoryRoleTemplates.AuthenticationAdministrator];
        o.PrivilegedApproverGroupIds = ["privileged"];
        o.PrivilegedApproverRoleTemplateIds = [];
        o.AuditorGroupIds = ["auditors", " "];
    }));

    [Theory]
    [InlineData(new string[0], TapRoles.None)]
    [InlineData(new[] { "helpdesk" }, TapRoles.HelpdeskOperator)]
    [InlineData(new[] { "approvers" }, TapRoles.Approver)]
    [InlineData(new[] { DirectoryRoleTemplates.AuthenticationAdministrator }, TapRoles.Approver)]
    [InlineData(new[] { "privileged" }, TapRoles.PrivilegedApprover)]
    [InlineData(new[] { "auditors", "helpdesk" }, TapRoles.Auditor | TapRoles.HelpdeskOperator)]
    [InlineData(new[] { "some-other-group" }, TapRoles.None)]
    public async Task GetRoles_FromMembership(string[] memberOf, TapRoles expected)
    {
        var person = _directory.Add("Person", "person@contoso.com", memberOf);

        Assert.Equal(expected, await Resolver().GetRolesAsync(person.Id, default));
    }

    [Fact]
    public void WantedObjectIds_AreEveryConfiguredId_OnceAndWithoutBlanks()
    {
        Assert.Equal(["helpdesk", "approvers", DirectoryRoleTemplates.AuthenticationAdministrator, "privileged", "auditors"], Resolver().WantedObjectIds);
    }

    [Fact]
    public async Task GetRoles_ReadsTheDirectoryOncePerPersonPerTurn()
    {
        var person = _directory.Add("Person", "person@contoso.com", "approvers");
        var resolver = Resolver();

        await resolver.GetRolesAsync(person.Id, default);
        await resolver.GetRolesAsync(person.Id.ToUpperInvariant(), default);

        Assert.Equal(1, _directory.MembershipCalls);
    }

    [Fact]
    public async Task NoConfiguredIds_MeansNoRoles_WithoutAskingTheDirectory()
    {
        var person = _directory.Add("Person", "person@contoso.com", "approvers");

        Assert.Equal(TapRoles.None, await new RoleResolver(_directory, FakeDirectory.Roles(o => (o.ApproverRoleTemplateIds, o.PrivilegedApproverRoleTemplateIds) = ([], []))).GetRolesAsync(person.Id, default));
        Assert.Equal(0, _directory.MembershipCalls);
    }

    [Fact]
    public void CanApprove_ForApproversAndPrivilegedApprovers_Only()
    {
        Assert.True(TapRoles.Approver.CanApprove());
        Assert.True(TapRoles.PrivilegedApprover.CanApprove());
        Assert.False((TapRoles.HelpdeskOperator | TapRoles.Auditor).CanApprove());
    }
}
