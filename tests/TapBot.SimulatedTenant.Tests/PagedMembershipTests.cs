using Microsoft.Extensions.DependencyInjection;
using TapBot.Domain.Ports;
using TapBot.Domain.Roles;
using TapBot.SimulatedTenant.Tenant;

namespace TapBot.SimulatedTenant.Tests;

/// <summary>
/// Nestor, a Global Administrator, is also in 1,200 groups: transitiveMemberOf lists the groups first and his role after
/// them, past the first page of 999. Reading only the first page would make him look unprivileged.
/// </summary>
public sealed class PagedMembershipTests : GatewayTest
{
    private const int ExtraGroups = 1200;

    private static string ExtraGroupId(int i) => $"00000000-0000-4000-8000-{i:D12}";

    protected override TenantSeed LoadSeed()
    {
        var seed = base.LoadSeed();
        var nestor = seed.Users.Single(u => u.UserPrincipalName.StartsWith("nestor@", StringComparison.Ordinal)).Id;
        seed.Groups.AddRange(Enumerable.Range(1, ExtraGroups).Select(i => new SeedGroup { Id = ExtraGroupId(i), DisplayName = $"Team {i}", Members = [nestor] }));
        seed.TemporaryAccessPassPolicy.ExcludeTargets = [new SeedPolicyTarget { Id = ExtraGroupId(ExtraGroups) }]; // listed on page 2
        return seed;
    }

    [Fact]
    public async Task TheEmulator_PagesTransitiveMemberOf_ByTopAndNextLink()
    {
        var first = await GetAsync($"users/{Id("nestor")}/transitiveMemberOf");
        var big = await GetAsync($"users/{Id("nestor")}/transitiveMemberOf?$top=999");
        var rest = await GetAsync(big.S("@odata.nextLink")[(Server.GraphBaseUrl.Length + 1)..]);

        Assert.Equal(100, first.Value.Count);
        Assert.NotNull(first.Body!["@odata.nextLink"]);
        Assert.Equal(999, big.Value.Count);
        Assert.Null(rest.Body!["@odata.nextLink"]);
        Assert.Contains(rest.Value, o => o!["@odata.type"]!.GetValue<string>() == "#microsoft.graph.directoryRole");
        Assert.Equal(400, (await GetAsync($"users/{Id("nestor")}/transitiveMemberOf?$top=1000")).Status);
    }

    [Fact]
    public async Task Privilege_ReadsEveryPage()
    {
        Assert.Equal([DirectoryRoleTemplates.GlobalAdministrator], Privileges.MemberOfRoles(await Directory.GetPrivilegeFactsAsync(Id("nestor"), default)));
    }

    [Fact]
    public async Task Preflight_ReadsEveryPage_InASecondRoundTrip()
    {
        var before = Server.GraphRequests;

        var found = await Services.GetRequiredService<IIssuancePreflight>().GetAsync(Id("megan"), [GroupId("TAP Approvers")], Id("nestor"), default);

        Assert.Equal(2, Server.GraphRequests - before);
        Assert.Equal([DirectoryRoleTemplates.GlobalAdministrator], Privileges.MemberOfRoles(found.TargetPrivilege));
        Assert.Equal(new[] { GroupId("TAP Eligible Users"), ExtraGroupId(ExtraGroups) }.Order(), found.PolicyGroupMemberships.Value.Order());
    }
}
