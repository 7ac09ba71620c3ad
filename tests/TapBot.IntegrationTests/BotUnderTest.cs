using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TapBot.Conversations;
using TapBot.Domain.Ports;
using TapBot.Hosting;
using TapBot.SimulatedTenant;
using TapBot.SimulatedTenant.Tenant;

namespace TapBot.IntegrationTests;

/// <summary>
/// The real TapBot host on a loopback port with its embedded simulated tenant (the bundled Contoso seed), plus a
/// connector stub. Activities are posted to /api/messages over HTTP exactly as Teams would.
/// </summary>
public sealed class BotUnderTest : IAsyncDisposable
{
    private readonly HttpClient _http = new();

    private BotUnderTest(WebApplication app, ConnectorStub connector, string url, string dataDirectory)
    {
        DataDirectory = dataDirectory;
        App = app;
        Connector = connector;
        Url = url;
        _http.BaseAddress = new Uri(url);
    }

    public WebApplication App { get; }
    public ConnectorStub Connector { get; }
    public string Url { get; }
    public string DataDirectory { get; }
    public SimulatedTenantServer Tenant => App.Services.GetRequiredService<SimulatedTenantServer>();
    public string TenantId => Tenant.State.TenantId;

    /// <summary>
    /// Every log category at Trace, the ones appsettings.json quietens included (EF Core's SQL, HTTP clients, the Bot
    /// SDK): a test that no code reaches the logs is only as strong as what it sees.
    /// </summary>
    public static Dictionary<string, string?> EverythingAtTrace() => new[] { "Default", "Microsoft.AspNetCore", "Microsoft.Bot", "Microsoft.EntityFrameworkCore", "System.Net.Http.HttpClient" }
        .ToDictionary(category => "Logging:LogLevel:" + category, _ => (string?)"Trace");

    /// <param name="waitForWarmUp">
    /// Return once the warm-up is done (as a load balancer waits for /readyz), so its Graph reads never fall inside
    /// what a test counts or consume a fault a test injected.
    /// </param>
    public static async Task<BotUnderTest> StartAsync(Dictionary<string, string?>? settings = null, Action<WebApplicationBuilder>? configure = null,
        bool waitForWarmUp = true)
    {
        var connector = await ConnectorStub.StartAsync();
        var dataDirectory = settings?.GetValueOrDefault("Storage:DataDirectory") ?? Path.Combine(Path.GetTempPath(), "tapbot-tests", Guid.NewGuid().ToString("N"));
        var app = await TapBotHost.BuildAsync(["--urls=http://127.0.0.1:0"], builder =>
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Graph:MaxRetries"] = "1",
                ["Storage:DataDirectory"] = dataDirectory,
                ["Logging:LogLevel:Default"] = "Warning",
                // Most suites test the code-in-card flow they were written for; RevealTests (and any test that says
                // so in its settings) run the default, reveal on demand.
                ["Issuance:Delivery"] = "InCard",
            });
            if (settings is not null) builder.Configuration.AddInMemoryCollection(settings);
            configure?.Invoke(builder);
        });
        await app.StartAsync();
        if (waitForWarmUp) await app.Services.GetRequiredService<TapBot.Hosting.WarmUp>().Done;
        var url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new BotUnderTest(app, connector, url, dataDirectory);
    }

    public SeedUser User(string upnPrefix) =>
        Tenant.State.Users.Single(u => u.UserPrincipalName.StartsWith(upnPrefix + "@", StringComparison.OrdinalIgnoreCase)
                                       || u.UserPrincipalName.StartsWith(upnPrefix + "_", StringComparison.OrdinalIgnoreCase));

    /// <summary>A Teams message activity from a seed user in their personal chat.</summary>
    /// <summary>The personal chat TapBot has with a person (as the tests' activities name it).</summary>
    public string PersonalConversation(string upnPrefix) => "a:personal-" + User(upnPrefix).Id;

    /// <summary>The id of the person's current pass in the simulated tenant, or null.</summary>
    public string? PassId(string upnPrefix) => Tenant.State.GetPass(User(upnPrefix))?.Id;

    /// <summary>An approver says "use this channel for TAP approvals" in the approvers' channel.</summary>
    public async Task SetApproversChannelAsync(string byUpnPrefix)
    {
        var activity = Message(byUpnPrefix, "<at>TapBot</at> use this channel for TAP approvals");
        activity["conversation"]!["conversationType"] = "channel";
        activity["conversation"]!["id"] = "19:approvals@thread.skype";
        Assert.Equal(200, (int)(await PostAsync(activity)).StatusCode);
    }

    /// <summary>The person's pending request, as stored.</summary>
    /// <summary>
    /// The Graph round trips a turn costs, counted where they arrive (a <c>$batch</c> counts once); what they were
    /// spent on goes to the test's output, so a count that is off says why.
    /// </summary>
    public async Task<long> GraphRequestsForAsync(Func<Task> turn, Xunit.Abstractions.ITestOutputHelper output)
    {
        var before = Tenant.GraphRequests;
        await turn();
        var cost = Tenant.GraphRequests - before;
        output.WriteLine(string.Join("\n", Tenant.RecentGraphRequests.TakeLast((int)Math.Min(cost, 100))));
        return cost;
    }

    public async Task<TapBot.Domain.Requests.AccessRequest?> PendingRequestAsync(string upnPrefix)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<TapBot.Domain.Ports.IRequestStore>().PendingForTargetAsync(TenantId, User(upnPrefix).Id, default);
    }

    public JsonObject Message(string fromUpnPrefix, string? text) => Activity("message", fromUpnPrefix, a => a["text"] = text);

    /// <summary>An adaptiveCard/action invoke (Action.Execute click) from a seed user.</summary>
    public JsonObject Invoke(string fromUpnPrefix, string verb, JsonObject? data = null, string trigger = "manual", string? cardMessageId = null) =>
        Activity("invoke", fromUpnPrefix, a =>
        {
            a["name"] = "adaptiveCard/action";
            // Each click is on its own card unless a test says otherwise (clicks on one card are idempotent).
            a["replyToId"] = cardMessageId ?? "card-" + Guid.NewGuid().ToString("N");
            a["value"] = new JsonObject
            {
                ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data ?? [] },
                ["trigger"] = trigger,
            };
        });

    public JsonObject Activity(string type, string fromUpnPrefix, Action<JsonObject> shape)
    {
        var user = User(fromUpnPrefix);
        var activity = new JsonObject
        {
            ["type"] = type,
            ["id"] = Guid.NewGuid().ToString(),
            ["channelId"] = "msteams",
            ["serviceUrl"] = Connector.ServiceUrl,
            ["timestamp"] = DateTimeOffset.UtcNow.ToString("o"),
            ["from"] = new JsonObject { ["id"] = "29:" + user.Id, ["name"] = user.DisplayName, ["aadObjectId"] = user.Id },
            ["recipient"] = new JsonObject { ["id"] = "28:tapbot", ["name"] = "TapBot" },
            ["conversation"] = new JsonObject
            {
                ["id"] = "a:personal-" + user.Id, ["conversationType"] = "personal", ["tenantId"] = TenantId,
            },
            ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = TenantId } },
        };
        shape(activity);
        return activity;
    }

    /// <summary>
    /// Most tests click a form they never asked TapBot for (they write its data themselves): with this on, the clicked
    /// message counts as a card TapBot sent in that conversation for the click's flow. Tests of that check turn it off
    /// and click the cards TapBot really sent.
    /// </summary>
    public bool TrustClickedCards { get; set; } = true;

    private readonly ConcurrentDictionary<string, Lazy<Task>> _trusted = new();

    public async Task<HttpResponseMessage> PostAsync(JsonObject activity)
    {
        // Shape checks first: intake tests post activities whose fields have the wrong types on purpose.
        if (TrustClickedCards && activity["replyToId"] is JsonValue replyTo && replyTo.TryGetValue<string>(out var messageId)
            && activity["value"] is JsonObject { } value && value["action"] is JsonObject { } action
            && action["verb"] is JsonValue verbValue && verbValue.TryGetValue<string>(out var verb) && FlowOfClick(verb) is { } flow
            && activity["conversation"] is JsonObject { } conversation && conversation["id"] is JsonValue id && id.TryGetValue<string>(out var conversationId))
        {
            await _trusted.GetOrAdd(conversationId + "|" + messageId, _ => new Lazy<Task>(async () =>
            {
                await using var scope = App.Services.CreateAsyncScope();
                var cards = scope.ServiceProvider.GetRequiredService<ISentCards>();
                if (await cards.FlowOfAsync(conversationId, messageId, default) is null)
                    await cards.RememberAsync(new SentCard(conversationId, messageId, flow, DateTimeOffset.UtcNow), default);
            })).Value;
        }

        return await _http.PostAsJsonAsync("/api/messages", activity);
    }

    private static CardFlow? FlowOfClick(string verb) => verb switch
    {
        "issuePass" => CardFlow.Issue,
        "requestPass" => CardFlow.Request,
        "revokePass" => CardFlow.Revoke,
        _ => null,
    };

    public Task<HttpResponseMessage> PostRawAsync(string body) =>
        _http.PostAsync("/api/messages", new StringContent(body, Encoding.UTF8, "application/json"));

    /// <summary>Posts to /api/messages with whatever headers the test sets (content type, Origin, Authorization).</summary>
    public Task<HttpResponseMessage> PostAsync(HttpContent content, Action<HttpRequestMessage>? shape = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = content };
        shape?.Invoke(request);
        return _http.SendAsync(request);
    }

    /// <summary>Sends a message and returns the cards and texts the bot sent back through the connector.</summary>
    public async Task<BotReplies> SayAsync(string fromUpnPrefix, string? text)
    {
        Connector.Clear();
        var response = await PostAsync(Message(fromUpnPrefix, text));
        Assert.Equal(200, (int)response.StatusCode);
        return new BotReplies(Connector.SentActivities);
    }

    /// <summary>Clicks an Action.Execute and returns the invoke response body.</summary>
    public async Task<JsonObject> ClickAsync(string fromUpnPrefix, string verb, JsonObject? data = null, string trigger = "manual", string? cardMessageId = null)
    {
        var response = await PostAsync(Invoke(fromUpnPrefix, verb, data, trigger, cardMessageId));
        Assert.Equal(200, (int)response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        await Connector.DisposeAsync();
    }
}

/// <summary>What the bot sent in one turn.</summary>
public sealed class BotReplies(IReadOnlyList<JsonObject> activities)
{
    public IReadOnlyList<JsonObject> Activities { get; } = activities;

    public JsonObject SingleCard()
    {
        var activity = Assert.Single(Activities);
        var attachment = Assert.Single(activity["attachments"]!.AsArray())!.AsObject();
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment["contentType"]!.GetValue<string>());
        return attachment["content"]!.AsObject();
    }

    public string SingleText() => Assert.Single(Activities)["text"]!.GetValue<string>();

    /// <summary>Every string value in every activity, flattened: what a person could read.</summary>
    public string AllText => string.Join("\n", Activities.SelectMany(Strings));

    /// <summary>The passcode in a delivered card (the monospace text run), or null when the node holds none.</summary>
    public static string? FindPasscode(JsonNode? node) => node switch
    {
        JsonObject o when o["type"]?.GetValue<string>() == "TextRun" && o["fontType"]?.GetValue<string>() == "Monospace" => o["text"]!.GetValue<string>(),
        JsonObject o => o.Select(kv => FindPasscode(kv.Value)).FirstOrDefault(c => c is not null),
        JsonArray a => a.Select(FindPasscode).FirstOrDefault(c => c is not null),
        _ => null,
    };

    public static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(kv => Strings(kv.Value)),
        JsonArray a => a.SelectMany(Strings),
        JsonValue v when v.TryGetValue<string>(out var s) => [s],
        _ => [],
    };
}
