using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using TapBot.Domain.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using TapBot.Hosting;
using TapBot.SimulatedTenant.Http;

namespace TapBot.IntegrationTests;

/// <summary>/readyz, metrics and OTLP export.</summary>
public sealed class OperationsTests
{
    [Fact]
    public async Task Readyz_IsReady_ThenNotReadyWhenGraphFails()
    {
        await using var bot = await BotUnderTest.StartAsync();
        using var http = new HttpClient();

        var ready = await http.GetAsync(bot.Url + "/readyz");
        Assert.Equal(200, (int)ready.StatusCode);
        Assert.Equal("ready", (await ready.Content.ReadFromJsonAsync<JsonObject>())!["status"]!.GetValue<string>());

        await using var fresh = await BotUnderTest.StartAsync();
        fresh.Tenant.Faults.Add(new FaultRule { PathContains = "authenticationMethodConfigurations", Status = 503, RetryAfterSeconds = 0, Times = 100 });
        var notReady = await http.GetAsync(fresh.Url + "/readyz");

        Assert.Equal(503, (int)notReady.StatusCode);
        Assert.Equal("failing", (await notReady.Content.ReadFromJsonAsync<JsonObject>())!["graph"]!.GetValue<string>());
    }

    [Fact]
    public async Task Readyz_SaysWarmingUp_UntilTheWarmUpIsDone_WhileHealthzSaysAlive()
    {
        var gate = new GatedStep();
        await using var bot = await BotUnderTest.StartAsync(configure: b => b.Services.AddSingleton<IWarmUpStep>(gate), waitForWarmUp: false);
        using var http = new HttpClient();
        await gate.Reached.WaitAsync(TimeSpan.FromSeconds(30)); // registered before TapBot's own: they run after it

        var warming = await http.GetAsync(bot.Url + "/readyz");
        Assert.Equal(503, (int)warming.StatusCode);
        Assert.Equal("warming up", (await warming.Content.ReadFromJsonAsync<JsonObject>())!["status"]!.GetValue<string>());
        Assert.Equal(200, (int)(await http.GetAsync(bot.Url + "/healthz")).StatusCode);
        Assert.Equal(0, bot.Tenant.GraphRequests);

        gate.Open();
        await bot.App.Services.GetRequiredService<WarmUp>().Done.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(bot.Tenant.GraphRequests >= 1, "the Graph warm-up read the TAP policy before any turn");
        var ready = await http.GetAsync(bot.Url + "/readyz");
        Assert.Equal(200, (int)ready.StatusCode);
        Assert.Equal("ready", (await ready.Content.ReadFromJsonAsync<JsonObject>())!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Readyz_AFailedWarmUpStep_DoesNotHoldReadinessBack()
    {
        await using var bot = await BotUnderTest.StartAsync(configure: b => b.Services.AddSingleton<IWarmUpStep>(new FailingStep()));
        using var http = new HttpClient();

        Assert.Equal(200, (int)(await http.GetAsync(bot.Url + "/readyz")).StatusCode);
    }

    /// <summary>A warm-up step that waits until the test opens it.</summary>
    private sealed class GatedStep : IWarmUpStep
    {
        private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string Name => "test gate";

        public Task Reached => _reached.Task;

        public void Open() => _open.TrySetResult();

        public async Task RunAsync(IServiceProvider services, CancellationToken ct)
        {
            _reached.TrySetResult();
            await _open.Task.WaitAsync(ct);
        }
    }

    private sealed class FailingStep : IWarmUpStep
    {
        public string Name => "failing";

        public Task RunAsync(IServiceProvider services, CancellationToken ct) => throw new InvalidOperationException("warm-up step failed");
    }

    [Fact]
    public async Task Metrics_CountTurnsCommandsAndGraphCalls()
    {
        var seen = new ConcurrentDictionary<string, long>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) => { if (instrument.Meter.Name == TapBotTelemetry.Name) l.EnableMeasurementEvents(instrument); };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            var key = instrument.Name + "|" + string.Join(",", tags.ToArray().Select(t => $"{t.Key}={t.Value}").Order());
            seen.AddOrUpdate(key, value, (_, v) => v + value);
        });
        listener.Start();
        await using var bot = await BotUnderTest.StartAsync();

        await bot.SayAsync("megan", "TAP status for lynne@contoso.com");

        Assert.Contains(seen.Keys, k => k == "tapbot.turns|activity.type=message,outcome=ok");
        Assert.Contains(seen.Keys, k => k == "tapbot.commands|command=Status");
        Assert.Contains(seen.Keys, k => k == "tapbot.graph.calls|operation=GET temporaryAccessPassMethods,outcome=ok");
    }

    /// <summary>A local OTLP/HTTP collector that keeps every body it receives.</summary>
    private static async Task<(WebApplication App, ConcurrentBag<(string Path, byte[] Body)> Received)> StartCollectorAsync()
    {
        var received = new ConcurrentBag<(string Path, byte[] Body)>();
        var collector = WebApplication.CreateSlimBuilder();
        collector.WebHost.UseUrls("http://127.0.0.1:0");
        collector.Logging.ClearProviders();
        var app = collector.Build();
        app.MapPost("/v1/{signal}", async (HttpContext http) =>
        {
            using var body = new MemoryStream();
            await http.Request.Body.CopyToAsync(body);
            received.Add((http.Request.Path.Value!, body.ToArray()));
            return Results.Ok();
        });
        await app.StartAsync();
        return (app, received);
    }

    private static Dictionary<string, string?> ExportTo(WebApplication collector) => new(BotUnderTest.EverythingAtTrace())
    {
        ["Telemetry:OtlpEndpoint"] = collector.Urls.First() + "/",
        ["Telemetry:OtlpProtocol"] = "HttpProtobuf",
    };

    [Fact]
    public async Task Otlp_ExportsTracesAndMetrics_WithoutMessageText()
    {
        var (collector, received) = await StartCollectorAsync();
        await using var _ = collector;

        const string secretish = "TAP status for lynne@contoso.com";
        var bot = await BotUnderTest.StartAsync(ExportTo(collector));
        await bot.SayAsync("megan", secretish);
        await bot.DisposeAsync(); // stopping flushes the exporters

        Assert.Contains(received, r => r.Path == "/v1/traces");
        Assert.Contains(received, r => r.Path == "/v1/metrics");
        Assert.DoesNotContain(received, r => Encoding.UTF8.GetString(r.Body).Contains(secretish, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task OtlpExport_OfAnIssuance_AtTraceLevel_NeverCarriesTheCode()
    {
        var (collector, received) = await StartCollectorAsync();
        await using var _ = collector;
        var bot = await BotUnderTest.StartAsync(ExportTo(collector));
        await bot.SayAsync("adele", "hi");
        var choice = new JsonObject { ["personId"] = bot.User("adele").Id, ["v"] = "2", ["lifetime"] = "120", ["oneTime"] = "true", ["reason"] = "INC-4711" };

        Assert.Contains("issued for Adele Vance", (await bot.ClickAsync("megan", "issuePass", choice)).ToJsonString());
        var code = bot.Connector.Calls.Select(c => BotReplies.FindPasscode(c.Body)).OfType<string>().Single();
        await bot.DisposeAsync();

        Assert.Contains(received, r => r.Path == "/v1/logs");
        Assert.DoesNotContain(received, r => Encoding.UTF8.GetString(r.Body).Contains(code, StringComparison.Ordinal));
    }
}

/// <summary>Status lookups land in the audit trail, and <c>audit verify</c> checks the chain.</summary>
public sealed class AuditTests
{
    [Fact]
    public async Task StatusLookups_AreAudited_AndTheTrailVerifies()
    {
        var folder = Path.Combine(Path.GetTempPath(), "tapbot-tests", Guid.NewGuid().ToString("N"));
        await using (var bot = await BotUnderTest.StartAsync(new() { ["Storage:DataDirectory"] = folder }))
        {
            await bot.SayAsync("megan", "TAP status for lynne@contoso.com");
            await bot.SayAsync("adele", "TAP status for lynne@contoso.com");

            await using var scope = bot.App.Services.CreateAsyncScope();
            var trail = scope.ServiceProvider.GetRequiredService<TapBot.Domain.Ports.IAuditTrail>();
            var aboutLynne = await trail.RecentAsync(bot.User("lynne").Id, 10, default);
            var byAdele = await trail.RecentAsync(bot.User("adele").Id, 10, default);

            Assert.Equal(("StatusViewed", bot.User("megan").Id), (Assert.Single(aboutLynne).Kind, aboutLynne[0].ActorId));
            // Adele has no role, so the directory was never searched and the refusal names no target.
            Assert.Equal(("StatusRefused", null), (Assert.Single(byAdele).Kind, byAdele[0].TargetId));
        }

        var output = new StringWriter();
        var exit = await TapBot.Cli.AuditCommand.RunAsync(["verify", $"--Storage:DataDirectory={folder}"], output);

        Assert.Equal(0, exit);
        Assert.Contains("Audit trail intact: 2 events", output.ToString());
    }

    [Fact]
    public async Task AuditVerify_NamesTheEventAForgerReChainedWithPlainSha256()
    {
        var folder = Path.Combine(Path.GetTempPath(), "tapbot-tests", Guid.NewGuid().ToString("N"));
        await using (var bot = await BotUnderTest.StartAsync(new() { ["Storage:DataDirectory"] = folder }))
        {
            await bot.SayAsync("megan", "TAP status for lynne@contoso.com");
            await bot.SayAsync("megan", "TAP status for adele@contoso.com");
        }

        // Someone with the database file but not the key: change who was looked up, and recompute the chain value.
        await using (var db = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(folder, "tapbot.db")};Pooling=false"))
        {
            await db.OpenAsync();
            await using var read = db.CreateCommand();
            read.CommandText = "SELECT \"AtUtcTicks\", \"Kind\", \"ActorId\", \"DetailsJson\", \"PreviousHash\" FROM audit_events WHERE \"Sequence\" = 2";
            await using var row = await read.ExecuteReaderAsync();
            await row.ReadAsync();
            var details = System.Text.Json.JsonSerializer.Deserialize<SortedDictionary<string, string>>(row.GetString(3))!;
            var canonical = System.Text.Json.JsonSerializer.Serialize(new object?[]
            {
                2L, row.GetInt64(0), row.GetString(1), row.GetString(2), "someone-else", details.Select(d => new[] { d.Key, d.Value }).ToArray(), row.GetString(4),
            });
            await using var write = db.CreateCommand();
            write.CommandText = "UPDATE audit_events SET \"TargetId\" = 'someone-else', \"Hash\" = $hash WHERE \"Sequence\" = 2";
            write.Parameters.AddWithValue("$hash", Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(canonical))));
            await row.DisposeAsync();
            await write.ExecuteNonQueryAsync();
        }

        var output = new StringWriter();
        var exit = await TapBot.Cli.AuditCommand.RunAsync(["verify", $"--Storage:DataDirectory={folder}"], output);

        Assert.Equal(1, exit);
        Assert.StartsWith("AUDIT TRAIL BROKEN: event 2 ", output.ToString());
    }
}
