using System.Text.Json.Nodes;
using TapBot.SimulatedTenant.Http;
using TapBot.SimulatedTenant.Tenant;

namespace TapBot.SimulatedTenant.Tests;

/// <summary>JSON batching (graph-contract.md §4), throttling and fault injection (§5.2).</summary>
public sealed class BatchAndFaultTests : EmulatorTest
{
    private static JsonObject Step(string id, string method, string url, params string[] dependsOn)
    {
        var step = new JsonObject { ["id"] = id, ["method"] = method, ["url"] = url };
        if (dependsOn.Length > 0) step["dependsOn"] = new JsonArray(dependsOn.Select(d => (JsonNode)d).ToArray());
        return step;
    }

    [Fact]
    public async Task Batch_AnswersEachStepWithItsOwnStatus()
    {
        var reply = await PostAsync("$batch", new JsonObject
        {
            ["requests"] = new JsonArray(
                Step("1", "GET", $"/users/{Id("adele")}?$select=id,displayName"),
                Step("2", "GET", "/users/nobody@contoso.com"),
                Step("3", "GET", "policies/authenticationMethodsPolicy/authenticationMethodConfigurations/TemporaryAccessPass")),
        });

        Assert.Equal(200, reply.Status);
        var responses = reply.Body!["responses"]!.AsArray().ToDictionary(r => r!["id"]!.GetValue<string>(), r => r!);
        Assert.Equal(200, responses["1"]["status"]!.GetValue<int>());
        Assert.Equal("Adele Vance", responses["1"]["body"]!["displayName"]!.GetValue<string>());
        Assert.Equal(404, responses["2"]["status"]!.GetValue<int>());
        Assert.Equal("Request_ResourceNotFound", responses["2"]["body"]!["error"]!["code"]!.GetValue<string>());
        Assert.Equal(200, responses["3"]["status"]!.GetValue<int>());
    }

    [Fact]
    public async Task Batch_DependentOfAFailedStep_Gets424()
    {
        var reply = await PostAsync("$batch", new JsonObject
        {
            ["requests"] = new JsonArray(Step("a", "GET", "/users/nobody@contoso.com"), Step("b", "GET", $"/users/{Id("adele")}", "a")),
        });

        Assert.Equal(424, reply.Body!["responses"]![1]!["status"]!.GetValue<int>());
    }

    [Fact]
    public async Task Batch_MoreThan20_Gives400()
    {
        var steps = new JsonArray(Enumerable.Range(1, 21).Select(i => (JsonNode)Step(i.ToString(), "GET", "/users")).ToArray());

        Assert.Equal(400, (await PostAsync("$batch", new JsonObject { ["requests"] = steps })).Status);
    }

    [Fact]
    public async Task Batch_DuplicateIds_Gives400()
    {
        var reply = await PostAsync("$batch", new JsonObject { ["requests"] = new JsonArray(Step("1", "GET", "/users"), Step("1", "GET", "/users")) });

        Assert.Equal(400, reply.Status);
    }

    [Fact]
    public async Task Batch_NumericId_Gives400()
    {
        var reply = await PostAsync("$batch", """{"requests":[{"id":1,"method":"GET","url":"/users"}]}""");

        Assert.Equal(400, reply.Status);
    }

    [Fact]
    public async Task Batch_PostStep_CreatesAPass()
    {
        var post = Step("1", "POST", $"/users/{Id("adele")}/authentication/temporaryAccessPassMethods");
        post["body"] = new JsonObject { ["lifetimeInMinutes"] = 120 };
        post["headers"] = new JsonObject { ["Content-Type"] = "application/json" };

        var reply = await PostAsync("$batch", new JsonObject { ["requests"] = new JsonArray(post) });

        Assert.Equal(201, reply.Body!["responses"]![0]!["status"]!.GetValue<int>());
        Assert.Equal(120, Server.State.GetPass(Server.State.GetUser(Id("adele")))!.LifetimeInMinutes);
    }

    [Fact]
    public async Task Fault_429_CarriesRetryAfter_ThenClears()
    {
        Server.Faults.Add(new FaultRule { PathContains = "users", Status = 429, RetryAfterSeconds = 7, Times = 1 });

        var throttled = await GetAsync($"users/{Id("adele")}");
        var next = await GetAsync($"users/{Id("adele")}");

        Assert.Equal(429, throttled.Status);
        Assert.Equal("7", throttled.Headers["Retry-After"]);
        Assert.Equal(200, next.Status);
    }

    [Fact]
    public async Task Fault_InsideABatch_ThrottlesOnlyThatStep()
    {
        Server.Faults.Add(new FaultRule { PathContains = "manager", Status = 429, Times = 1 });

        var reply = await PostAsync("$batch", new JsonObject
        {
            ["requests"] = new JsonArray(Step("1", "GET", $"/users/{Id("adele")}"), Step("2", "GET", $"/users/{Id("adele")}/manager")),
        });

        var statuses = reply.Body!["responses"]!.AsArray().Select(r => r!["status"]!.GetValue<int>()).ToList();
        Assert.Equal([200, 429], statuses);
    }
}

/// <summary>A seed that grants the app only some permissions: missing ones answer 403 as Graph does.</summary>
public sealed class PermissionTests : EmulatorTest
{
    protected override TenantSeed LoadSeed()
    {
        var seed = base.LoadSeed();
        seed.ApplicationPermissions = ["User.Read.All"];
        return seed;
    }

    [Fact]
    public async Task MissingPermission_Gives403_GrantedOneWorks()
    {
        Assert.Equal(200, (await GetAsync($"users/{Id("adele")}")).Status);
        var denied = await GetAsync($"users/{Id("adele")}/authentication/temporaryAccessPassMethods");

        Assert.Equal(403, denied.Status);
        Assert.Equal("Authorization_RequestDenied", denied.ErrorCode);
    }
}

/// <summary>Throttle every Nth request, as configured for benchmarks.</summary>
public sealed class ThrottleEveryTests : EmulatorTest
{
    protected override EmulatorOptions Options => new() { ThrottleEvery = 3, RetryAfterSeconds = 2 };

    [Fact]
    public async Task EveryThirdRequest_Is429()
    {
        var statuses = new List<int>();
        for (var i = 0; i < 6; i++) statuses.Add((await GetAsync($"users/{Id("adele")}")).Status);

        Assert.Equal([200, 200, 429, 200, 200, 429], statuses);
    }
}
