using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using TapBot.Domain.People;
using TapBot.Domain.Ports;
using TapBot.Domain.Roles;
using TapBot.Graph;
using TapBot.SimulatedTenant.Http;

namespace TapBot.SimulatedTenant.Tests;

/// <summary>
/// TapBot's Graph gateway: the real Microsoft.Graph SDK (default middleware, retry included) talking HTTP to the
/// emulator. What works here works against graph.microsoft.com, as far as the contract goes.
/// </summary>
public sealed class GraphGatewayTests : GatewayTest
{
    private GraphServiceClient Client => Services.GetRequiredService<GraphServiceClient>();

    private static PersonQuery Q(string text) => PersonQuery.TryParse(text, out _)!;

    [Fact]
    public async Task FindPeople_ByUpnMailAndName()
    {

        Assert.Equal("Adele Vance", Assert.Single(await Directory.FindPeopleAsync(Q("adele@contoso.com"), 5, default)).DisplayName);
        Assert.Equal("Grady Archie", Assert.Single(await Directory.FindPeopleAsync(Q("grady@fabrikam.com"), 5, default)).DisplayName);
        Assert.Equal(2, (await Directory.FindPeopleAsync(Q("Alex"), 5, default)).Count);
        Assert.Equal("Adele Vance", Assert.Single(await Directory.FindPeopleAsync(Q("Vance"), 5, default)).DisplayName);
        Assert.Empty(await Directory.FindPeopleAsync(Q("O'Brien"), 5, default));
    }

    [Fact]
    public async Task GetPerson_MapsTheFieldsTheRulesNeed()
    {

        var grady = (await Directory.GetPersonAsync(Id("grady"), default))!;
        var irvin = (await Directory.GetPersonAsync("irvin@contoso.com", default))!;
        var diego = (await Directory.GetPersonAsync(Id("diego"), default))!;

        Assert.True(grady.IsExternalGuest);
        Assert.True(irvin.IsGuest);
        Assert.False(irvin.IsExternalGuest);
        Assert.False(diego.AccountEnabled);
        Assert.Null(await Directory.GetPersonAsync("nobody@contoso.com", default));
    }

    [Fact]
    public async Task Memberships_AreTransitive_AndIncludeRoleTemplates()
    {
        var approvers = GroupId("TAP Approvers");

        var pradeep = await Directory.GetMembershipsAsync(Id("pradeep"), [approvers, DirectoryRoleTemplates.AuthenticationAdministrator], default);
        var patti = await Directory.GetMembershipsAsync(Id("patti"), [approvers, DirectoryRoleTemplates.AuthenticationAdministrator], default);

        Assert.Equal([approvers], pradeep);
        Assert.Equal([DirectoryRoleTemplates.AuthenticationAdministrator], patti);
    }

    [Fact]
    public async Task Memberships_OverTwentyIds_AreChecked20AtATime()
    {
        var ids = Enumerable.Range(0, 30).Select(_ => Guid.NewGuid().ToString()).Append(GroupId("TAP Approvers")).ToList();

        Assert.Equal([GroupId("TAP Approvers")], await Directory.GetMembershipsAsync(Id("megan"), ids, default));
    }

    [Fact]
    public async Task Privilege_ComesFromRolesAtAnyScope_EligibleRoles_AndProtectedGroups()
    {
        var nestor = await Directory.GetPrivilegeFactsAsync(Id("nestor"), default);
        var miriam = await Directory.GetPrivilegeFactsAsync(Id("miriam"), default);
        var lee = await Directory.GetPrivilegeFactsAsync(Id("lee@"), default);
        var christie = await Directory.GetPrivilegeFactsAsync(Id("christie"), default);
        var megan = await Directory.GetPrivilegeFactsAsync(Id("megan"), default);
        var adele = await Directory.GetPrivilegeFactsAsync(Id("adele"), default);

        Assert.Equal([DirectoryRoleTemplates.GlobalAdministrator], Privileges.MemberOfRoles(nestor));
        Assert.True(Privileges.Of(nestor).Has(PrivilegeReason.ActiveRole));
        Assert.True(Privileges.Of(miriam).Has(PrivilegeReason.RoleAssignableGroup));
        // An administrative-unit-scoped role never shows in transitiveMemberOf; the role assignments show it.
        Assert.Empty(Privileges.MemberOfRoles(lee));
        Assert.StartsWith("/administrativeUnits/", Assert.Single(lee.ActiveRoles.Value.Roles).DirectoryScopeId);
        Assert.Equal([new PrivilegeFinding(PrivilegeReason.ActiveRole)], Privileges.Of(lee).Findings);
        // A PIM-eligible Global Administrator holds no role until activation; a pass could activate it.
        Assert.Empty(Privileges.MemberOfRoles(christie));
        Assert.Equal([new PrivilegeFinding(PrivilegeReason.EligibleRole)], Privileges.Of(christie).Findings);
        Assert.Equal([new PrivilegeFinding(PrivilegeReason.TapBotApprover)], Privileges.Of(megan).Findings);
        Assert.False(Privileges.Of(adele).IsPrivileged);
    }

    [Fact]
    public async Task CurrentPass_AndPolicy_ThroughTheSdk()
    {

        var lynne = await Passes.GetCurrentAsync(Id("lynne"), default);
        var adele = await Passes.GetCurrentAsync(Id("adele"), default);
        var policy = await Passes.GetPolicyAsync(default);

        Assert.NotNull(lynne);
        Assert.True(lynne.IsUsable);
        Assert.Equal(lynne.StartsAt.AddMinutes(480), lynne.ExpiresAt);
        Assert.Null(adele);
        Assert.True(policy.IsEnabled);
        Assert.Equal((60, 60, 480, 8), (policy.DefaultLifetimeInMinutes, policy.MinimumLifetimeInMinutes, policy.MaximumLifetimeInMinutes, policy.DefaultLength));
    }

    [Fact]
    public async Task Create_ThenDelete_ThroughTheGateway_AndTheCodeNeverPrints()
    {
        var issued = await Passes.CreateAsync(Id("adele"), 120, null, true, default);

        Assert.Equal(8, issued.Code.Length);
        Assert.DoesNotContain(issued.Code.Reveal(), issued.ToString());
        Assert.DoesNotContain(issued.Code.Reveal(), $"{issued.Code}");
        Assert.Equal((120, true, true), (issued.Pass.LifetimeInMinutes, issued.Pass.IsUsableOnce, issued.Pass.IsUsable));

        await Passes.DeleteAsync(Id("adele"), issued.Pass.Id, default);
        await Passes.DeleteAsync(Id("adele"), issued.Pass.Id, default); // already gone: fine

        Assert.Null(await Passes.GetCurrentAsync(Id("adele"), default));
    }

    [Fact]
    public async Task Create_RefusedByPolicy_KeepsGraphsMessage()
    {
        var e = await Assert.ThrowsAsync<EntraException>(() => Passes.CreateAsync(Id("adele"), 600, null, true, default));

        Assert.Equal(EntraFailure.Rejected, e.Failure);
        Assert.Equal("Invalid LifetimeInMinutes specified. The valid range between 60 and 480.", e.GraphMessage);
    }

    [Fact]
    public async Task Sdk_CreateTap_ReturnsTheCodeOnce()
    {

        var created = await Client.Users[Id("adele")].Authentication.TemporaryAccessPassMethods.PostAsync(
            new TemporaryAccessPassAuthenticationMethod { LifetimeInMinutes = 60, IsUsableOnce = true });
        var listed = await Client.Users[Id("adele")].Authentication.TemporaryAccessPassMethods.GetAsync();

        Assert.Equal(8, created!.TemporaryAccessPass!.Length);
        Assert.Null(Assert.Single(listed!.Value!).TemporaryAccessPass);
    }

    [Fact]
    public async Task Sdk_LifetimeOutsidePolicy_SurfacesAsODataErrorWithGraphsMessage()
    {

        var e = await Assert.ThrowsAsync<ODataError>(() => Client.Users[Id("adele")].Authentication.TemporaryAccessPassMethods
            .PostAsync(new TemporaryAccessPassAuthenticationMethod { LifetimeInMinutes = 600 }));

        Assert.Equal(400, e.ResponseStatusCode);
        Assert.Equal("badRequest", e.Error!.Code);
        Assert.StartsWith("Invalid LifetimeInMinutes", e.Error.Message);
    }

    [Fact]
    public async Task Sdk_Batch_RoundTrips()
    {
        var batch = new BatchRequestContentCollection(Client);
        var userStep = await batch.AddBatchRequestStepAsync(Client.Users[Id("adele")].ToGetRequestInformation());
        var passStep = await batch.AddBatchRequestStepAsync(Client.Users[Id("lynne")].Authentication.TemporaryAccessPassMethods.ToGetRequestInformation());

        var response = await Client.Batch.PostAsync(batch);
        var user = await response.GetResponseByIdAsync<User>(userStep);
        var passes = await response.GetResponseByIdAsync<TemporaryAccessPassAuthenticationMethodCollectionResponse>(passStep);

        Assert.Equal("Adele Vance", user.DisplayName);
        Assert.Single(passes.Value!);
    }

    [Fact]
    public async Task Throttling_WithinRetries_IsAbsorbedBySdk()
    {
        Server.Faults.Add(new FaultRule { PathContains = "temporaryAccessPassMethods", Status = 429, RetryAfterSeconds = 0, Times = 2 });

        Assert.NotNull(await Passes.GetCurrentAsync(Id("lynne"), default));
    }

    [Theory]
    [InlineData(429, EntraFailure.Throttled)]
    [InlineData(503, EntraFailure.Unavailable)]
    [InlineData(403, EntraFailure.AccessDenied)]
    [InlineData(400, EntraFailure.Rejected)]
    public async Task Failures_BecomeDirectoryExceptions(int status, EntraFailure expected)
    {
        Server.Faults.Add(new FaultRule { PathContains = "temporaryAccessPassMethods", Status = status, RetryAfterSeconds = 0, Times = 10 });

        var e = await Assert.ThrowsAsync<EntraException>(() => Passes.GetCurrentAsync(Id("lynne"), default));

        Assert.Equal(expected, e.Failure);
        Assert.DoesNotContain("simulated-tenant", e.ToString()); // the bearer token the gateway sends
    }

    [Fact]
    public async Task SlowGraph_TimesOut_AsUnavailable()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Graph:BaseUrl"] = Server.GraphBaseUrl, ["Graph:MaxRetries"] = "0", ["Graph:TimeoutSeconds"] = "1",
        }).Build();
        await using var services = new ServiceCollection().AddTapGraph(config).BuildServiceProvider();
        await using var slow = await SimulatedTenantServer.StartAsync(Seed, "http://127.0.0.1:0", new EmulatorOptions { LatencyMs = 3000 });
        config["Graph:BaseUrl"] = slow.GraphBaseUrl;

        var e = await Assert.ThrowsAsync<EntraException>(() => services.GetRequiredService<IDirectory>().GetPersonAsync(Id("adele"), default));

        Assert.Equal(EntraFailure.Unavailable, e.Failure);
        Assert.Contains("in time", e.Message);
    }

    [Fact]
    public async Task UnreachableGraph_IsUnavailable()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Graph:BaseUrl"] = "http://127.0.0.1:9/v1.0", ["Graph:MaxRetries"] = "0",
        }).Build();
        await using var services = new ServiceCollection().AddTapGraph(config).BuildServiceProvider();

        var e = await Assert.ThrowsAsync<EntraException>(() => services.GetRequiredService<IDirectory>().GetPersonAsync("adele@contoso.com", default));

        Assert.Equal(EntraFailure.Unavailable, e.Failure);
    }
}
