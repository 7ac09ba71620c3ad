using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TapBot.Domain.Ports;
using TapBot.Domain.Roles;
using TapBot.Graph;
using TapBot.SimulatedTenant;
using TapBot.SimulatedTenant.Tenant;

namespace TapBot.SimulatedTenant.Tests;

/// <summary>A fresh emulator per test class, on a loopback port, with the bundled Contoso seed and a fake clock.</summary>
public abstract class EmulatorTest : IAsyncLifetime
{
    protected static readonly DateTimeOffset Start = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    protected FakeTimeProvider Clock { get; } = new(Start);
    protected SimulatedTenantServer Server { get; private set; } = null!;
    protected HttpClient Http { get; } = new();
    protected TenantSeed Seed { get; private set; } = null!;

    protected virtual TenantSeed LoadSeed() => TenantSeed.Load(EmulatorOptions.BundledSeedPath);

    protected virtual EmulatorOptions Options => new();

    /// <summary>The seed's permissions plus the policy write permission, which TapBot itself never holds.</summary>
    protected static TenantSeed AsPolicyAdministrator(TenantSeed seed)
    {
        seed.ApplicationPermissions = [.. seed.ApplicationPermissions ?? [], "Policy.ReadWrite.AuthenticationMethod"];
        return seed;
    }

    public async Task InitializeAsync()
    {
        Seed = LoadSeed();
        Server = await SimulatedTenantServer.StartAsync(Seed, "http://127.0.0.1:0", Options, Clock);
        Http.BaseAddress = new Uri(Server.GraphBaseUrl + "/");
        Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "test-token");
        OnStarted();
    }

    /// <summary>Runs once the emulator listens.</summary>
    protected virtual void OnStarted()
    {
    }

    protected virtual ValueTask OnStoppingAsync() => ValueTask.CompletedTask;

    public async Task DisposeAsync()
    {
        await OnStoppingAsync();
        Http.Dispose();
        await Server.DisposeAsync();
    }

    protected string Id(string upnPrefix) =>
        Seed.Users.Single(u => u.UserPrincipalName.StartsWith(upnPrefix, StringComparison.OrdinalIgnoreCase)).Id;

    protected string GroupId(string displayName) => Seed.Groups.Single(g => g.DisplayName == displayName).Id;

    protected async Task<Reply> SendAsync(HttpMethod method, string path, object? body = null, Action<HttpRequestMessage>? shape = null)
    {
        using var request = new HttpRequestMessage(method, path.TrimStart('/'));
        if (body is not null)
        {
            var json = body as string ?? (body as JsonNode)?.ToJsonString() ?? System.Text.Json.JsonSerializer.Serialize(body);
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        shape?.Invoke(request);
        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var headers = response.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        return new Reply((int)response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text), headers,
            response.Content.Headers.ContentType?.MediaType);
    }

    protected Task<Reply> GetAsync(string path, Action<HttpRequestMessage>? shape = null) => SendAsync(HttpMethod.Get, path, shape: shape);

    protected Task<Reply> PostAsync(string path, object body) => SendAsync(HttpMethod.Post, path, body);
}

/// <summary>An emulator test with TapBot's Graph gateway (the real Microsoft.Graph SDK, retry included) pointed at it.</summary>
public abstract class GatewayTest : EmulatorTest
{
    private ServiceProvider _services = null!;

    protected IServiceProvider Services => _services;
    protected IDirectory Directory => _services.GetRequiredService<IDirectory>();
    protected ITemporaryAccessPasses Passes => _services.GetRequiredService<ITemporaryAccessPasses>();

    protected override void OnStarted() => _services = Gateway(Server.GraphBaseUrl);

    protected override ValueTask OnStoppingAsync() => _services.DisposeAsync();

    /// <summary>The Graph ports as the host registers them, at <paramref name="baseUrl"/>.</summary>
    protected static ServiceProvider Gateway(string baseUrl, int maxRetries = 2, int timeoutSeconds = 30) =>
        new ServiceCollection().AddTapGraph(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Graph:Mode"] = "Simulated",
            ["Graph:BaseUrl"] = baseUrl,
            ["Graph:MaxRetries"] = maxRetries.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Graph:TimeoutSeconds"] = timeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }).Build()).BuildServiceProvider();
}

public sealed record Reply(int Status, JsonNode? Body, IReadOnlyDictionary<string, string> Headers, string? MediaType)
{
    public string ErrorCode => Body!["error"]!["code"]!.GetValue<string>();
    public string ErrorMessage => Body!["error"]!["message"]!.GetValue<string>();
    public JsonArray Value => Body!["value"]!.AsArray();
    public string S(string name) => Body![name]!.GetValue<string>();
}

/// <summary>The privileged-target rule with the bundled Contoso tenant's TapBot settings, for reading what the gateway fetched.</summary>
public static class Privileges
{
    public const string ApproverGroup = "931dc60c-d8c2-5b20-8a53-db8b348e5f9e";
    public const string PrivilegedApproverGroup = "f30415d8-5621-5056-a67a-0a4b5f77a471";

    public static readonly PrivilegedTargets Rule = new(Microsoft.Extensions.Options.Options.Create(new RoleOptions
    {
        ApproverGroupIds = [ApproverGroup],
        PrivilegedApproverGroupIds = [PrivilegedApproverGroup],
    }));

    public static Privilege Of(PrivilegeFacts facts) => Rule.Assess(facts);

    /// <summary>The directory roles transitiveMemberOf showed (active, tenant-wide, built-in only).</summary>
    public static IReadOnlyList<string> MemberOfRoles(PrivilegeFacts facts) =>
        facts.MemberOf.Value.Where(m => m.Kind == MembershipKind.DirectoryRole).Select(m => m.RoleTemplateId ?? "(unreadable)").Order().ToList();
}
