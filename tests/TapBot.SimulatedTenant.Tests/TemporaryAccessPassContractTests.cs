using TapBot.SimulatedTenant.Tenant;
using System.Text.Json.Nodes;

namespace TapBot.SimulatedTenant.Tests;

/// <summary>
/// TAP create / list / get / delete as graph-contract.md §1 documents them, including the real error bodies.
/// </summary>
public sealed class TemporaryAccessPassContractTests : EmulatorTest
{
    /// <summary>These tests change the TAP policy as an administrator's app would; TapBot's own app may only read it.</summary>
    protected override TenantSeed LoadSeed() => AsPolicyAdministrator(base.LoadSeed());

    private string Passes(string user) => $"users/{Id(user)}/authentication/temporaryAccessPassMethods";

    [Fact]
    public async Task Create_DocumentedExample_Reproduces()
    {
        // The docs' request: a pass starting later, 60 minutes, reusable.
        var reply = await PostAsync(Passes("adele"), new JsonObject
        {
            ["startDateTime"] = "2026-11-05T00:00:00.000Z", ["lifetimeInMinutes"] = 60, ["isUsableOnce"] = false,
        });

        Assert.Equal(201, reply.Status);
        var body = reply.Body!.AsObject();
        Assert.Equal("#microsoft.graph.temporaryAccessPassAuthenticationMethod", reply.S("@odata.type"));
        Assert.True(Guid.TryParse(reply.S("id"), out _));
        Assert.Equal(8, reply.S("temporaryAccessPass").Length);
        Assert.Equal("2026-11-02T09:00:00Z", reply.S("createdDateTime"));
        Assert.Equal("2026-11-05T00:00:00Z", reply.S("startDateTime"));
        Assert.Equal(60, body["lifetimeInMinutes"]!.GetValue<int>());
        Assert.False(body["isUsableOnce"]!.GetValue<bool>());
        Assert.False(body["isUsable"]!.GetValue<bool>());
        Assert.Equal("NotYetValid", reply.S("methodUsabilityReason"));
    }

    [Fact]
    public async Task Create_EmptyBody_UsesPolicyDefaultsAndIsUsableNow()
    {
        var reply = await PostAsync(Passes("adele"), "{}");

        Assert.Equal(201, reply.Status);
        Assert.Equal(60, reply.Body!["lifetimeInMinutes"]!.GetValue<int>());
        Assert.True(reply.Body!["isUsable"]!.GetValue<bool>());
        Assert.Equal("EnabledByPolicy", reply.S("methodUsabilityReason"));
    }

    [Fact]
    public async Task Code_IsReturnedOnlyOnCreate()
    {
        var created = await PostAsync(Passes("adele"), "{}");
        var id = created.S("id");

        var list = await GetAsync(Passes("adele"));
        var item = await GetAsync($"{Passes("adele")}/{id}");

        Assert.Equal(200, list.Status);
        var listed = Assert.Single(list.Value)!;
        Assert.Equal(id, listed["id"]!.GetValue<string>());
        Assert.Null(listed["temporaryAccessPass"]);
        Assert.True(listed.AsObject().ContainsKey("temporaryAccessPass"));
        Assert.Equal(200, item.Status);
        Assert.Null(item.Body!["temporaryAccessPass"]);
        Assert.Equal("#microsoft.graph.temporaryAccessPassAuthenticationMethod", item.S("@odata.type"));
    }

    [Fact]
    public async Task Create_WhenOneExists_ReplacesIt()
    {
        var first = await PostAsync(Passes("adele"), "{}");
        var second = await PostAsync(Passes("adele"), "{}");

        Assert.Equal(201, second.Status);
        Assert.NotEqual(first.S("id"), second.S("id"));
        Assert.NotEqual(first.S("temporaryAccessPass"), second.S("temporaryAccessPass"));
        Assert.Equal(second.S("id"), Assert.Single((await GetAsync(Passes("adele"))).Value)!["id"]!.GetValue<string>());
        Assert.Equal(404, (await GetAsync($"{Passes("adele")}/{first.S("id")}")).Status);
    }

    [Fact]
    public async Task Create_ByUpnInThePath_Works()
    {
        Assert.Equal(201, (await PostAsync("users/adele%40contoso.com/authentication/temporaryAccessPassMethods", "{}")).Status);
    }

    [Theory]
    [InlineData(59)]
    [InlineData(481)]
    [InlineData(43201)]
    public async Task Create_LifetimeOutsidePolicy_Gives400WithTheRealMessage(int minutes)
    {
        var reply = await SendAsync(HttpMethod.Post, Passes("adele"), new JsonObject { ["lifetimeInMinutes"] = minutes },
            r => r.Headers.Add("client-request-id", "07ddd94e-55c9-4c36-b6a8-80676ae0830e"));

        Assert.Equal(400, reply.Status);
        Assert.Equal("badRequest", reply.ErrorCode);
        Assert.Equal("Invalid LifetimeInMinutes specified. The valid range between 60 and 480.", reply.ErrorMessage);
        var inner = reply.Body!["error"]!["innerError"]!;
        Assert.Equal(reply.ErrorMessage, inner["message"]!.GetValue<string>());
        Assert.Equal("07ddd94e-55c9-4c36-b6a8-80676ae0830e", inner["client-request-id"]!.GetValue<string>());
        Assert.Equal("07ddd94e-55c9-4c36-b6a8-80676ae0830e", reply.Headers["client-request-id"]);
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$", inner["date"]!.GetValue<string>());
        Assert.Null(Server.State.GetPass(Server.State.GetUser(Id("adele"))));
    }

    [Fact]
    public async Task Create_ForExternalGuest_IsRefused()
    {
        var reply = await PostAsync(Passes("grady"), "{}");

        Assert.Equal(400, reply.Status);
        Assert.Equal("Temporary Access Pass cannot be added to an external guest user.", reply.ErrorMessage);
    }

    [Fact]
    public async Task Create_ForInternalGuest_IsAllowed()
    {
        Assert.Equal(201, (await PostAsync(Passes("irvin"), "{}")).Status);
    }

    [Fact]
    public async Task Create_ForPersonOutsidePolicyScope_IsRefusedWithConvergedPolicyMessage()
    {
        var reply = await PostAsync(Passes("johanna"), "{}");

        Assert.Equal(400, reply.Status);
        Assert.Equal("Converged UserCredentialPolicy does not allow creating or updating this authentication method. AuthMethodType [TemporaryAccessPass].", reply.ErrorMessage);
    }

    [Fact]
    public async Task Create_WhenPolicyDisabled_IsRefused()
    {
        await SendAsync(HttpMethod.Patch, "policies/authenticationMethodsPolicy/authenticationMethodConfigurations/TemporaryAccessPass",
            new JsonObject { ["@odata.type"] = "#microsoft.graph.temporaryAccessPassAuthenticationMethodConfiguration", ["state"] = "disabled" });

        var reply = await PostAsync(Passes("adele"), "{}");

        Assert.Equal(400, reply.Status);
        Assert.Contains("Converged UserCredentialPolicy", reply.ErrorMessage);
    }

    [Fact]
    public async Task Create_WhenPolicyForcesOneTime_MakesEveryPassOneTime()
    {
        await SendAsync(HttpMethod.Patch, "policies/authenticationMethodsPolicy/authenticationMethodConfigurations/temporaryAccessPass",
            new JsonObject { ["@odata.type"] = "#microsoft.graph.temporaryAccessPassAuthenticationMethodConfiguration", ["isUsableOnce"] = true });

        var reply = await PostAsync(Passes("adele"), new JsonObject { ["isUsableOnce"] = false });

        Assert.True(reply.Body!["isUsableOnce"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Usability_FollowsTheClock()
    {
        await PostAsync(Passes("adele"), new JsonObject { ["startDateTime"] = Start.AddHours(1).ToString("o"), ["lifetimeInMinutes"] = 60 });
        string Reason(Reply r) => r.Value[0]!["methodUsabilityReason"]!.GetValue<string>();

        Assert.Equal("NotYetValid", Reason(await GetAsync(Passes("adele"))));
        Clock.Advance(TimeSpan.FromMinutes(61));
        Assert.Equal("EnabledByPolicy", Reason(await GetAsync(Passes("adele"))));
        Clock.Advance(TimeSpan.FromMinutes(60));
        Assert.Equal("Expired", Reason(await GetAsync(Passes("adele"))));
    }

    [Fact]
    public async Task OneTimePass_AfterUse_ReportsOneTimeUsed()
    {
        await PostAsync(Passes("adele"), new JsonObject { ["isUsableOnce"] = true });
        using var control = new HttpClient();
        (await control.PostAsync($"{Server.Address}/_simulator/users/{Id("adele")}/temporaryAccessPass/use", null)).EnsureSuccessStatusCode();

        var pass = (await GetAsync(Passes("adele"))).Value[0]!;

        Assert.False(pass["isUsable"]!.GetValue<bool>());
        Assert.Equal("OneTimeUsed", pass["methodUsabilityReason"]!.GetValue<string>());
    }

    [Fact]
    public async Task SeededPasses_AreListed()
    {
        var lynne = Assert.Single((await GetAsync(Passes("lynne"))).Value)!;
        var lee = Assert.Single((await GetAsync(Passes("lee@"))).Value)!;

        Assert.Equal("EnabledByPolicy", lynne["methodUsabilityReason"]!.GetValue<string>());
        Assert.Equal("Expired", lee["methodUsabilityReason"]!.GetValue<string>());
    }

    [Fact]
    public async Task Delete_Gives204ThenTheListIsEmpty()
    {
        var id = (await PostAsync(Passes("adele"), "{}")).S("id");

        var deleted = await SendAsync(HttpMethod.Delete, $"{Passes("adele")}/{id}");

        Assert.Equal(204, deleted.Status);
        Assert.Null(deleted.Body);
        Assert.Empty((await GetAsync(Passes("adele"))).Value);
        Assert.Equal(404, (await SendAsync(HttpMethod.Delete, $"{Passes("adele")}/{id}")).Status);
    }

    [Fact]
    public async Task UnknownUser_Gives404WithTheDirectoryBody()
    {
        var reply = await PostAsync("users/nobody@contoso.com/authentication/temporaryAccessPassMethods", "{}");

        Assert.Equal(404, reply.Status);
        Assert.Equal("Request_ResourceNotFound", reply.ErrorCode);
        Assert.Equal("Resource 'nobody@contoso.com' does not exist or one of its queried reference-property objects are not present.", reply.ErrorMessage);
    }

    [Fact]
    public async Task MissingToken_Gives401()
    {
        using var anonymous = new HttpClient();

        var response = await anonymous.GetAsync($"{Server.GraphBaseUrl}/{Passes("adele")}");

        Assert.Equal(401, (int)response.StatusCode);
        Assert.Contains("InvalidAuthenticationToken", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task MeInAppOnlyContext_Gives400()
    {
        var reply = await GetAsync("me/authentication/temporaryAccessPassMethods");

        Assert.Equal(400, reply.Status);
        Assert.Contains("delegated authentication flow", reply.ErrorMessage);
    }

    [Fact]
    public async Task InvalidJsonBody_Gives400JsonError()
    {
        var reply = await PostAsync(Passes("adele"), "{nope");

        Assert.Equal(400, reply.Status);
        Assert.Equal("application/json", reply.MediaType);
    }
}
