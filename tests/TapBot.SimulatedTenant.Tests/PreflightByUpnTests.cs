using Microsoft.Extensions.DependencyInjection;
using TapBot.Domain.Ports;
using TapBot.Domain.Roles;

namespace TapBot.SimulatedTenant.Tests;

/// <summary>
/// The pre-flight by UPN and with the request's other people: the same answers as by object id, in as few round trips
/// as Graph allows (role assignments are filtered by object id only, so the first read by UPN costs a second one).
/// </summary>
public sealed class PreflightByUpnTests : GatewayTest
{
    private IIssuancePreflight Preflight => Services.GetRequiredService<IIssuancePreflight>();

    private string[] RoleIds => [GroupId("TAP Approvers"), GroupId("TAP Privileged Approvers"), DirectoryRoleTemplates.AuthenticationAdministrator];

    private string Upn(string person) => Server.State.Users.Single(u => u.Id == Id(person)).UserPrincipalName;

    private async Task<(Preflight Found, long RoundTrips)> Counted(PreflightQuery query)
    {
        var before = Server.GraphRequests;
        var found = await Preflight.GetAsync(query, default);
        return (found, Server.GraphRequests - before);
    }

    [Theory]
    [InlineData("nestor")]   // privileged by an active role
    [InlineData("christie")] // eligible for a role: shows only in the role reads that need the object id
    [InlineData("lynne")]    // holds a pass
    public async Task ByUpn_SameAnswersAsById_TwoRoundTripsFirst_ThenOne(string person)
    {
        var byId = await Preflight.GetAsync(Id("megan"), RoleIds, Id(person), default);

        var (first, firstTrips) = await Counted(new PreflightQuery(Id("megan"), RoleIds, Upn(person)));
        var (again, againTrips) = await Counted(new PreflightQuery(Id("megan"), RoleIds, Upn(person).ToUpperInvariant()));

        Assert.Equal((2, 1), (firstTrips, againTrips));
        foreach (var found in new[] { first, again })
        {
            Assert.Equal(byId.Target.Value, found.Target.Value);
            Assert.Equal(byId.RequesterMemberships.Value.Order(), found.RequesterMemberships.Value.Order());
            Assert.Equal(byId.PolicyGroupMemberships.Value.Order(), found.PolicyGroupMemberships.Value.Order());
            Assert.Equal(byId.TargetPrivilege.MemberOf.Value, found.TargetPrivilege.MemberOf.Value);
            Assert.Equal(byId.TargetPrivilege.ActiveRoles.Value.Roles, found.TargetPrivilege.ActiveRoles.Value.Roles);
            Assert.Equal(byId.TargetPrivilege.EligibleRoles.Value.Roles, found.TargetPrivilege.EligibleRoles.Value.Roles);
            Assert.Equal(byId.CurrentPass.Value, found.CurrentPass.Value);
        }
    }

    [Fact]
    public async Task ByUpn_NobodysUpn_NoTarget_TheRequestersRolesStillRead()
    {
        var (found, trips) = await Counted(new PreflightQuery(Id("megan"), RoleIds, "nobody@contoso.com"));

        Assert.Equal(1, trips);
        Assert.Null(found.Target.Value);
        Assert.Contains(GroupId("TAP Approvers"), found.RequesterMemberships.Value);
    }

    [Fact]
    public async Task OtherPeopleAndTheManager_InTheSameRoundTrip()
    {
        var (found, trips) = await Counted(new PreflightQuery(Id("patti"), RoleIds, Id("lynne"))
        {
            People = [Id("adele"), Id("lynne"), "00000000-0000-0000-0000-000000000001"], WithManager = true,
        });

        Assert.Equal(1, trips);
        Assert.Equal(await Directory.GetPersonAsync(Id("adele"), default), found.PersonRead(Id("adele"))!.Value);
        Assert.Equal(found.Target.Value, found.PersonRead(Id("lynne"))!.Value);
        Assert.Null(found.PersonRead("00000000-0000-0000-0000-000000000001")!.Value);
        Assert.Equal(await Directory.GetManagerAsync(Id("lynne"), default), found.Manager!.Value);
        Assert.Equal(Id("patti"), found.Manager!.Value!.Id);
    }
}
