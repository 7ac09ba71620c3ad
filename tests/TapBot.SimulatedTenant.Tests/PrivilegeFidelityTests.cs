using System.Text.Json.Nodes;
using TapBot.Domain.Roles;
using TapBot.SimulatedTenant.Tenant;

namespace TapBot.SimulatedTenant.Tests;

/// <summary>
/// Where Graph shows privilege, and what it hides from an app without the permission to see it (graph-contract.md
/// §3.8–3.9): limited information in transitiveMemberOf, the role assignment and PIM eligibility lists with their
/// permission rules, and custom or scoped roles that never become directoryRole memberships.
/// </summary>
public abstract class PrivilegeSeedTest : GatewayTest
{
    protected const string CustomRoleId = "b2d5c9f0-4e1a-4c6b-9d7e-3a8f1e2c4b6d";

    /// <summary>The permissions the app holds in this test; null for every permission.</summary>
    protected abstract string[]? Permissions { get; }

    protected override TenantSeed LoadSeed()
    {
        var seed = base.LoadSeed();
        seed.ApplicationPermissions = Permissions?.ToList();
        // Johanna holds a custom role tenant-wide: custom roles exist only as role definitions and assignments.
        seed.RoleDefinitions.Add(new SeedRoleDefinition { Id = CustomRoleId, DisplayName = "Contoso Password Helper" });
        seed.RoleAssignments.Add(new SeedRoleAssignment { PrincipalId = seed.Users.Single(u => u.UserPrincipalName.StartsWith("johanna")).Id, RoleDefinitionId = CustomRoleId });
        return seed;
    }

    protected static IEnumerable<JsonObject> OfType(Reply reply, string type) =>
        reply.Value.Select(v => v!.AsObject()).Where(o => o["@odata.type"]!.GetValue<string>() == type);
}

/// <summary>The permissions docs/deployment.md documented before: only User.Read.All to read the directory.</summary>
public sealed class LimitedInformationTests : PrivilegeSeedTest
{
    protected override string[] Permissions => ["User.Read.All", "UserAuthenticationMethod.ReadWrite.All", "Policy.Read.All"];

    [Fact]
    public async Task TransitiveMemberOf_GivesOnlyTypeAndId_ForGroupsAndRoles()
    {
        var reply = await GetAsync($"users/{Id("nestor")}/transitiveMemberOf");

        Assert.Equal(200, reply.Status);
        var role = Assert.Single(OfType(reply, "#microsoft.graph.directoryRole"));
        Assert.Null(role["roleTemplateId"]);
        Assert.Null(role["displayName"]);
        Assert.True(role.ContainsKey("roleTemplateId")); // present, as null: the docs' example lists every property
        Assert.NotEmpty(role["id"]!.GetValue<string>());
        Assert.All(OfType(reply, "#microsoft.graph.group"), g =>
        {
            Assert.Null(g["isAssignableToRole"]);
            Assert.Null(g["displayName"]);
            Assert.NotEmpty(g["id"]!.GetValue<string>());
        });
    }

    [Fact]
    public async Task RoleLists_Answer403_WithGraphsBody()
    {
        foreach (var list in new[] { "roleAssignments", "roleEligibilityScheduleInstances" })
        {
            var reply = await GetAsync($"roleManagement/directory/{list}?$filter=principalId eq '{Id("nestor")}'");

            Assert.Equal(403, reply.Status);
            Assert.Equal("Authorization_RequestDenied", reply.ErrorCode);
            Assert.Equal("Insufficient privileges to complete the operation.", reply.ErrorMessage);
        }
    }

    [Fact]
    public async Task TheRule_FailsClosed_ForAGlobalAdministrator_AndForAnOrdinaryUser()
    {
        var nestor = Privileges.Of(await Directory.GetPrivilegeFactsAsync(Id("nestor"), default));
        var adele = Privileges.Of(await Directory.GetPrivilegeFactsAsync(Id("adele"), default));

        Assert.True(nestor.IsPrivileged);
        Assert.True(adele.IsPrivileged); // her groups cannot be told apart from role-assignable ones
        Assert.All([nestor, adele], p => Assert.All(p.Findings, f => Assert.Equal(PrivilegeReason.Unreadable, f.Reason)));
        Assert.Equal(PrivilegedTargets.GroupPermission, adele.MissingPermission);
        Assert.Contains(new PrivilegeFinding(PrivilegeReason.Unreadable, PrivilegedTargets.RolePermission), nestor.Findings);
    }
}

/// <summary>Group reading but no role reading: groups are complete, roles limited, role lists refused.</summary>
public sealed class GroupsButNoRolesTests : PrivilegeSeedTest
{
    protected override string[] Permissions => ["User.Read.All", "GroupMember.Read.All", "UserAuthenticationMethod.ReadWrite.All", "Policy.Read.All"];

    [Fact]
    public async Task Groups_AreComplete_RolesAreLimited()
    {
        var reply = await GetAsync($"users/{Id("miriam")}/transitiveMemberOf");
        var nestor = await GetAsync($"users/{Id("nestor")}/transitiveMemberOf");

        Assert.Contains(OfType(reply, "#microsoft.graph.group"), g => g["isAssignableToRole"]!.GetValue<bool>());
        Assert.Null(Assert.Single(OfType(nestor, "#microsoft.graph.directoryRole"))["roleTemplateId"]);
    }

    [Fact]
    public async Task AnOrdinaryUser_IsStillPrivileged_BecauseHerRolesCannotBeRead()
    {
        var adele = Privileges.Of(await Directory.GetPrivilegeFactsAsync(Id("adele"), default));

        Assert.Equal([new PrivilegeFinding(PrivilegeReason.Unreadable, PrivilegedTargets.RolePermission)], adele.Findings);
    }

    [Fact]
    public async Task EligibilityList_NeedsARoleManagementPermission()
    {
        var reply = await GetAsync($"roleManagement/directory/roleEligibilityScheduleInstances?$filter=principalId eq '{Id("christie")}'");

        Assert.Equal(403, reply.Status);
    }
}

/// <summary>Directory.Read.All reads groups, roles and assignments, but PIM eligibility needs a role-management permission.</summary>
public sealed class DirectoryReadAllTests : PrivilegeSeedTest
{
    protected override string[] Permissions => ["Directory.Read.All", "UserAuthenticationMethod.ReadWrite.All", "Policy.Read.All"];

    [Fact]
    public async Task RoleAssignments_Work_Eligibility_Is403()
    {
        Assert.Equal(200, (await GetAsync($"roleManagement/directory/roleAssignments?$filter=principalId eq '{Id("lee")}'")).Status);
        Assert.Equal(403, (await GetAsync($"roleManagement/directory/roleEligibilityScheduleInstances?$filter=principalId eq '{Id("christie")}'")).Status);
    }

    [Fact]
    public async Task AnEligibleAdministrator_CannotBeMissed()
    {
        var christie = Privileges.Of(await Directory.GetPrivilegeFactsAsync(Id("christie"), default));

        Assert.Equal([new PrivilegeFinding(PrivilegeReason.Unreadable, PrivilegedTargets.RolePermission)], christie.Findings);
    }
}

/// <summary>The documented least-privilege set (docs/deployment.md): every fact readable.</summary>
public sealed class DocumentedPermissionsTests : PrivilegeSeedTest
{
    protected override string[] Permissions => ["User.Read.All", "GroupMember.Read.All", "RoleManagement.Read.Directory", "UserAuthenticationMethod.ReadWrite.All", "Policy.Read.All"];

    [Fact]
    public async Task RoleAssignments_ShowScopedAndCustomRoles_ThatTransitiveMemberOfNeverShows()
    {
        var lee = await GetAsync($"roleManagement/directory/roleAssignments?$filter=principalId eq '{Id("lee")}'");
        var johanna = await GetAsync($"roleManagement/directory/roleAssignments?$filter=principalId eq '{Id("johanna")}'");
        var johannaMemberOf = await GetAsync($"users/{Id("johanna")}/transitiveMemberOf");
        var johannaCheck = await PostAsync($"users/{Id("johanna")}/checkMemberObjects", new { ids = new[] { CustomRoleId } });

        var scoped = Assert.Single(lee.Value)!;
        Assert.StartsWith("/administrativeUnits/", scoped["directoryScopeId"]!.GetValue<string>());
        Assert.True(scoped.AsObject().ContainsKey("appScopeId"));
        Assert.Equal(CustomRoleId, Assert.Single(johanna.Value)!["roleDefinitionId"]!.GetValue<string>());
        Assert.Empty(OfType(johannaMemberOf, "#microsoft.graph.directoryRole"));
        Assert.Empty(johannaCheck.Value);
    }

    [Fact]
    public async Task Eligibility_InGraphsShape_AndNeverAMembership()
    {
        var reply = await GetAsync($"roleManagement/directory/roleEligibilityScheduleInstances?$filter=principalId eq '{Id("christie")}'");
        var memberOf = await GetAsync($"users/{Id("christie")}/transitiveMemberOf");

        Assert.Equal(200, reply.Status);
        var instance = Assert.Single(reply.Value)!.AsObject();
        Assert.Equal(DirectoryRoleTemplates.GlobalAdministrator, instance["roleDefinitionId"]!.GetValue<string>());
        Assert.Equal("/", instance["directoryScopeId"]!.GetValue<string>());
        Assert.Equal("Direct", instance["memberType"]!.GetValue<string>());
        foreach (var key in new[] { "id", "principalId", "appScopeId", "startDateTime", "endDateTime", "roleEligibilityScheduleId" })
            Assert.True(instance.ContainsKey(key), key);
        Assert.Empty(OfType(memberOf, "#microsoft.graph.directoryRole"));
        Assert.Empty((await GetAsync($"roleManagement/directory/roleEligibilityScheduleInstances?$filter=principalId eq '{Id("adele")}'")).Value);
    }

    [Fact]
    public async Task TheRule_SeesEachKindOfPrivilege()
    {
        async Task<Privilege> Of(string who) => Privileges.Of(await Directory.GetPrivilegeFactsAsync(Id(who), default));

        Assert.Equal([new PrivilegeFinding(PrivilegeReason.ActiveRole)], (await Of("johanna")).Findings); // custom role
        Assert.Equal([new PrivilegeFinding(PrivilegeReason.ActiveRole)], (await Of("lee")).Findings); // AU-scoped
        Assert.Equal([new PrivilegeFinding(PrivilegeReason.EligibleRole)], (await Of("christie")).Findings);
        Assert.Equal([new PrivilegeFinding(PrivilegeReason.TapBotApprover)], (await Of("pradeep")).Findings); // through a nested group
        Assert.False((await Of("adele")).IsPrivileged);
    }
}

/// <summary>A tenant without Entra ID P2: Graph's own license error, which alone means "nobody is eligible".</summary>
public sealed class NoPimLicenseTests : PrivilegeSeedTest
{
    protected override string[]? Permissions => null;

    protected override TenantSeed LoadSeed()
    {
        var seed = base.LoadSeed();
        seed.EntraIdP2 = false;
        seed.RoleEligibilityScheduleInstances.Clear();
        return seed;
    }

    [Fact]
    public async Task Eligibility_Is400AadPremiumLicenseRequired_AndMeansNobodyIsEligible()
    {
        var reply = await GetAsync($"roleManagement/directory/roleEligibilityScheduleInstances?$filter=principalId eq '{Id("adele")}'");

        Assert.Equal(400, reply.Status);
        Assert.Equal("AadPremiumLicenseRequired", reply.ErrorCode);
        Assert.False(Privileges.Of(await Directory.GetPrivilegeFactsAsync(Id("adele"), default)).IsPrivileged);
    }
}
