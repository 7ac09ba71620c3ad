using TapBot.Domain.Roles;
using TapBot.SimulatedTenant.Playground;
using TapBot.SimulatedTenant.Tenant;

namespace TapBot.SimulatedTenant.Tests;

/// <summary>The bundled Contoso seed covers every kind of person TapBot's rules care about; bad seeds fail clearly.</summary>
public sealed class SeedTests
{
    private static readonly TenantSeed Contoso = TenantSeed.Load(EmulatorOptions.BundledSeedPath);

    private static SeedUser U(string prefix) => Contoso.Users.Single(u => u.UserPrincipalName.StartsWith(prefix));

    private static bool InGroup(SeedUser u, string group) =>
        Contoso.Groups.Single(g => g.DisplayName == group).Members.Contains(u.Id);

    [Fact]
    public void Contoso_HasTheCastTheProductNeeds()
    {
        Assert.True(Contoso.Users.Count >= 12);
        Assert.True(InGroup(U("alex@"), "Helpdesk Operators"));
        Assert.True(InGroup(U("megan"), "TAP Approvers"));
        Assert.True(InGroup(U("isaiah"), "TAP Privileged Approvers"));
        Assert.Contains(Contoso.Users, u => u.ManagerId == U("megan").Id);
        Assert.Contains(Contoso.RoleAssignments, a => a.PrincipalId == U("patti").Id && a.RoleDefinitionId == DirectoryRoleTemplates.AuthenticationAdministrator);
        Assert.Contains(Contoso.RoleAssignments, a => a.PrincipalId == U("nestor").Id && a.RoleDefinitionId == DirectoryRoleTemplates.GlobalAdministrator);
        Assert.Equal("Guest", U("grady").UserType);
        Assert.Contains("#EXT#", U("grady").UserPrincipalName);
        Assert.Equal("Guest", U("irvin").UserType);
        Assert.DoesNotContain("#EXT#", U("irvin").UserPrincipalName);
        Assert.False(U("diego").AccountEnabled);
        Assert.False(InGroup(U("johanna"), "TAP Eligible Users"));
        Assert.True(Contoso.TemporaryAccessPasses.ContainsKey(U("lynne").Id));
    }

    [Fact]
    public void BrokenSeed_ListsEveryProblem()
    {
        var path = Path.GetTempFileName();
        File.WriteAllText(path, """
        { "tenantId": "not-a-guid",
          "users": [ { "id": "11111111-1111-1111-1111-111111111111", "userPrincipalName": "a@x.com", "displayName": "A", "managerId": "22222222-2222-2222-2222-222222222222" } ],
          "temporaryAccessPassPolicy": { "minimumLifetimeInMinutes": 5 } }
        """);

        var e = Assert.Throws<SeedException>(() => TenantSeed.Load(path));

        Assert.Contains("tenantId must be a GUID", e.Message);
        Assert.Contains("managerId", e.Message);
        Assert.Contains("minimumLifetimeInMinutes", e.Message);
    }

    [Fact]
    public void MissingSeed_SaysWhichFile()
    {
        Assert.Contains("/nope.json", Assert.Throws<SeedException>(() => TenantSeed.Load("/nope.json")).Message);
    }

    [Fact]
    public void PlaygroundConfig_UsesSeedIdsAndExactlyFiveOtherUsers()
    {
        var yml = PlaygroundConfigWriter.Render(Contoso, "megan@contoso.com");

        Assert.Contains($"tenantId: \"{Contoso.TenantId}\"", yml);
        Assert.Contains($"aadObjectId: \"{U("megan").Id}\"", yml);
        Assert.Contains("userPrincipleName: \"megan@contoso.com\"", yml);
        Assert.Equal(5, yml.Split('\n').Count(l => l.StartsWith("  - id:")));
        Assert.Equal(6, yml.Split('\n').Count(l => l.Contains("aadObjectId:")));
    }

    [Fact]
    public void PlaygroundConfig_ForUnknownUser_Fails()
    {
        Assert.Throws<SeedException>(() => PlaygroundConfigWriter.Render(Contoso, "nobody@contoso.com"));
    }
}
