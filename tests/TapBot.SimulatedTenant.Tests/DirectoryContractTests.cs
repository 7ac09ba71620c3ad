using TapBot.SimulatedTenant.Tenant;
using System.Text.Json.Nodes;
using TapBot.Domain.Roles;

namespace TapBot.SimulatedTenant.Tests;

/// <summary>Users, manager, membership, role assignments and policy as graph-contract.md §2–3 documents them.</summary>
public sealed class DirectoryContractTests : EmulatorTest
{
    /// <summary>These tests change the TAP policy as an administrator's app would; TapBot's own app may only read it.</summary>
    protected override TenantSeed LoadSeed() => AsPolicyAdministrator(base.LoadSeed());

    [Fact]
    public async Task User_ById_ReturnsDefaultProperties()
    {
        var reply = await GetAsync($"users/{Id("adele")}");

        Assert.Equal(200, reply.Status);
        Assert.Equal("Adele Vance", reply.S("displayName"));
        Assert.EndsWith("$metadata#users/$entity", reply.S("@odata.context"));
        Assert.False(reply.Body!.AsObject().ContainsKey("accountEnabled"));
    }

    [Fact]
    public async Task User_ByUpnAndAlternateKey_AreTheSamePerson()
    {
        var byUpn = await GetAsync("users/ADELE%40contoso.com?$select=id");
        var byKey = await GetAsync("users(userPrincipalName='adele@contoso.com')?$select=id");

        Assert.Equal(Id("adele"), byUpn.S("id"));
        Assert.Equal(Id("adele"), byKey.S("id"));
    }

    [Fact]
    public async Task Select_ReturnsOnlyThoseProperties_AndAcceptsTheEncodedDollar()
    {
        var reply = await GetAsync($"users/{Id("diego")}?%24select=id,accountEnabled,userType");

        Assert.Equal(["id", "accountEnabled", "userType"], reply.Body!.AsObject().Select(p => p.Key).Where(k => !k.StartsWith('@')));
        Assert.False(reply.Body!["accountEnabled"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Select_OfUnknownProperty_Gives400()
    {
        var reply = await GetAsync($"users/{Id("adele")}?$select=id,favouriteColour");

        Assert.Equal(400, reply.Status);
        Assert.Contains("favouriteColour", reply.ErrorMessage);
    }

    [Fact]
    public async Task Filter_ByMail_FindsExactlyOne()
    {
        var reply = await GetAsync("users?$filter=mail eq 'LYNNE@contoso.com'&$select=id,userPrincipalName");

        Assert.Equal(Id("lynne"), Assert.Single(reply.Value)!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Filter_StartsWithAndOr_Works()
    {
        var reply = await GetAsync("users?$filter=startsWith(displayName,'Alex') or userPrincipalName eq 'lee@contoso.com'&$select=displayName");

        Assert.Equal(["Alex Wilber", "Alexandra Walker", "Lee Gu"], reply.Value.Select(v => v!["displayName"]!.GetValue<string>()).Order());
    }

    [Fact]
    public async Task Filter_WithNoMatch_GivesEmptyValueNot404()
    {
        var reply = await GetAsync("users?$filter=mail eq 'nobody@contoso.com'");

        Assert.Equal(200, reply.Status);
        Assert.Empty(reply.Value);
    }

    [Fact]
    public async Task Filter_EndsWith_NeedsAdvancedQuery()
    {
        var plain = await GetAsync("users?$filter=endsWith(mail,'@fabrikam.com')");
        var advanced = await GetAsync("users?$filter=endsWith(mail,'@fabrikam.com')&$count=true",
            r => r.Headers.Add("ConsistencyLevel", "eventual"));

        Assert.Equal(400, plain.Status);
        Assert.Equal("Request_UnsupportedQuery", plain.ErrorCode);
        Assert.Equal(200, advanced.Status);
        Assert.Equal(1, advanced.Body!["@odata.count"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("mail eq")]
    [InlineData("favourite eq 'x'")]
    [InlineData("mail gt 'a'")]
    public async Task Filter_Malformed_Gives400(string filter)
    {
        var reply = await GetAsync("users?$filter=" + Uri.EscapeDataString(filter));

        Assert.Equal(400, reply.Status);
    }

    [Fact]
    public async Task Filter_NestedDeeply_Gives400_NotACrash()
    {
        // A $batch step's URL has no length limit, so 100,000 parentheses would reach the parser without the caps.
        var huge = new string('(', 100_000) + "mail eq 'a'" + new string(')', 100_000);
        var batch = await PostAsync("$batch", new JsonObject
        {
            ["requests"] = new JsonArray(new JsonObject { ["id"] = "1", ["method"] = "GET", ["url"] = "/users?$filter=" + Uri.EscapeDataString(huge) }),
        });
        var nested = await GetAsync("users?$filter=" + Uri.EscapeDataString(new string('(', 40) + "mail eq 'a'" + new string(')', 40)));

        Assert.Equal(400, batch.Body!["responses"]![0]!["status"]!.GetValue<int>());
        Assert.Equal(400, nested.Status);
        Assert.Contains("nested deeper", nested.ErrorMessage);
        Assert.Equal(200, (await GetAsync($"users/{Id("adele")}")).Status); // still alive
    }

    [Fact]
    public async Task NumbersWhereStringsBelong_Give400()
    {
        var check = await PostAsync($"users/{Id("adele")}/checkMemberObjects", new JsonObject { ["ids"] = new JsonArray(1, 2) });
        var filter = await GetAsync("users?$filter=startsWith(displayName,1)");

        Assert.Equal(400, check.Status);
        Assert.Equal(400, filter.Status);
    }

    [Fact]
    public async Task Manager_ComesWithItsODataType()
    {
        var reply = await GetAsync($"users/{Id("adele")}/manager");

        Assert.Equal("#microsoft.graph.user", reply.S("@odata.type"));
        Assert.Equal(Id("megan"), reply.S("id"));
    }

    [Fact]
    public async Task Manager_WhenNone_Gives404AsGraphDoes()
    {
        var reply = await GetAsync($"users/{Id("nestor")}/manager");

        Assert.Equal(404, reply.Status);
        Assert.Equal("Resource 'manager' does not exist or one of its queried reference-property objects are not present.", reply.ErrorMessage);
    }

    [Fact]
    public async Task CheckMemberGroups_IsTransitive()
    {
        // Pradeep is in Service Desk Leads, which is a member of TAP Approvers.
        var reply = await PostAsync($"users/{Id("pradeep")}/checkMemberGroups",
            new JsonObject { ["groupIds"] = new JsonArray(GroupId("TAP Approvers"), GroupId("Helpdesk Operators")) });

        Assert.Equal([GroupId("TAP Approvers")], reply.Value.Select(v => v!.GetValue<string>()));
        Assert.EndsWith("$metadata#Collection(Edm.String)", reply.S("@odata.context"));
    }

    [Fact]
    public async Task CheckMemberObjects_MatchesRoleTemplates_DirectAndThroughRoleAssignableGroups()
    {
        var patti = await PostAsync($"users/{Id("patti")}/checkMemberObjects",
            new JsonObject { ["ids"] = new JsonArray(DirectoryRoleTemplates.AuthenticationAdministrator, DirectoryRoleTemplates.GlobalAdministrator) });
        var miriam = await PostAsync($"users/{Id("miriam")}/checkMemberObjects",
            new JsonObject { ["ids"] = new JsonArray(DirectoryRoleTemplates.PrivilegedRoleAdministrator) });
        var lee = await PostAsync($"users/{Id("lee@")}/checkMemberObjects",
            new JsonObject { ["ids"] = new JsonArray(DirectoryRoleTemplates.HelpdeskAdministrator) });

        Assert.Equal([DirectoryRoleTemplates.AuthenticationAdministrator], patti.Value.Select(v => v!.GetValue<string>()));
        Assert.Single(miriam.Value);
        Assert.Empty(lee.Value); // an administrative-unit-scoped role is not directory-role membership
    }

    [Fact]
    public async Task CheckMember_MoreThan20Ids_Gives400()
    {
        var ids = new JsonArray(Enumerable.Range(0, 21).Select(_ => (JsonNode)Guid.NewGuid().ToString()).ToArray());

        var reply = await PostAsync($"users/{Id("adele")}/checkMemberGroups", new JsonObject { ["groupIds"] = ids });

        Assert.Equal(400, reply.Status);
    }

    [Theory]
    [InlineData("graph.directoryRole")]
    [InlineData("microsoft.graph.directoryRole")]
    public async Task TransitiveMemberOf_CastToDirectoryRole_AcceptsBothAliases(string cast)
    {
        var reply = await GetAsync($"users/{Id("isaiah")}/transitiveMemberOf/{cast}");

        var role = Assert.Single(reply.Value)!;
        Assert.Equal("#microsoft.graph.directoryRole", role["@odata.type"]!.GetValue<string>());
        Assert.Equal(DirectoryRoleTemplates.PrivilegedAuthenticationAdministrator, role["roleTemplateId"]!.GetValue<string>());
    }

    [Fact]
    public async Task TransitiveMemberOf_ListsNestedGroupsAndRoles()
    {
        var reply = await GetAsync($"users/{Id("pradeep")}/transitiveMemberOf?$count=true", r => r.Headers.Add("ConsistencyLevel", "eventual"));

        var names = reply.Value.Select(v => v!["displayName"]!.GetValue<string>()).ToList();
        Assert.Contains("Service Desk Leads", names);
        Assert.Contains("TAP Approvers", names);
        Assert.Equal(names.Count, reply.Body!["@odata.count"]!.GetValue<int>());
    }

    [Fact]
    public async Task RoleAssignments_FilterByPrincipal()
    {
        var reply = await GetAsync($"roleManagement/directory/roleAssignments?$filter=principalId eq '{Id("nestor")}'");

        var assignment = Assert.Single(reply.Value)!;
        Assert.Equal(DirectoryRoleTemplates.GlobalAdministrator, assignment["roleDefinitionId"]!.GetValue<string>());
        Assert.Equal("/", assignment["directoryScopeId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Policy_Get_MatchesTheDocumentedShape()
    {
        var reply = await GetAsync("policies/authenticationMethodsPolicy/authenticationMethodConfigurations/TemporaryAccessPass");

        Assert.Equal("#microsoft.graph.temporaryAccessPassAuthenticationMethodConfiguration", reply.S("@odata.type"));
        Assert.Equal("TemporaryAccessPass", reply.S("id"));
        Assert.Equal("enabled", reply.S("state"));
        foreach (var (name, value) in new[] { ("defaultLifetimeInMinutes", 60), ("defaultLength", 8), ("minimumLifetimeInMinutes", 60), ("maximumLifetimeInMinutes", 480) })
        {
            Assert.Equal(value, reply.Body![name]!.GetValue<int>());
        }

        Assert.Equal(GroupId("TAP Eligible Users"), reply.Body!["includeTargets"]![0]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Policy_Patch_Gives204AndKeepsUnspecifiedValues()
    {
        const string path = "policies/authenticationMethodsPolicy/authenticationMethodConfigurations/TemporaryAccessPass";
        var patch = await SendAsync(HttpMethod.Patch, path, new JsonObject
        {
            ["@odata.type"] = "#microsoft.graph.temporaryAccessPassAuthenticationMethodConfiguration", ["maximumLifetimeInMinutes"] = 720,
        });
        var after = await GetAsync(path);

        Assert.Equal(204, patch.Status);
        Assert.Equal(720, after.Body!["maximumLifetimeInMinutes"]!.GetValue<int>());
        Assert.Equal(60, after.Body!["minimumLifetimeInMinutes"]!.GetValue<int>());
    }

    [Fact]
    public async Task Policy_PatchOutOfRange_Gives400AndChangesNothing()
    {
        const string path = "policies/authenticationMethodsPolicy/authenticationMethodConfigurations/TemporaryAccessPass";
        var patch = await SendAsync(HttpMethod.Patch, path, new JsonObject { ["minimumLifetimeInMinutes"] = 5 });

        Assert.Equal(400, patch.Status);
        Assert.Equal(60, (await GetAsync(path)).Body!["minimumLifetimeInMinutes"]!.GetValue<int>());
    }

    [Fact]
    public async Task UnknownSegment_Gives400ResourceNotFoundForSegment()
    {
        var reply = await GetAsync($"users/{Id("adele")}/favouriteThings");

        Assert.Equal(400, reply.Status);
        Assert.Equal("Resource not found for the segment 'favouriteThings'.", reply.ErrorMessage);
    }
}
