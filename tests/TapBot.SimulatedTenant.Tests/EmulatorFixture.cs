using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
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

public sealed record Reply(int Status, JsonNode? Body, IReadOnlyDictionary<string, string> Headers, string? MediaType)
{
    public string ErrorCode => Body!["error"]!["code"]!.GetValue<string>();
    public string ErrorMessage => Body!["error"]!["message"]!.GetValue<string>();
    public JsonArray Value => Body!["value"]!.AsArray();
    public string S(string name) => Body![name]!.GetValue<string>();
}
