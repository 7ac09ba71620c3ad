using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using TapBot.Conversations;
using TapBot.Domain.Ports;
using TapBot.IntegrationTests;
using TapBot.SimulatedTenant;
using TapBot.SimulatedTenant.Tenant;
using TapBot.Storage;

namespace TapBot.MultiInstanceTests;

/// <summary>
/// Real TapBot processes (the built executable) on one PostgreSQL database, one simulated tenant and one connector
/// stub, as replicas behind a load balancer would run.
/// </summary>
public abstract class RealProcessesTest : IAsyncLifetime
{
    private readonly string _database = "tapbot_multi_" + Guid.NewGuid().ToString("N");
    private readonly List<Process> _bots = [];
    protected readonly List<string> _urls = [];
    protected SimulatedTenantServer _tenant = null!;
    protected ConnectorStub _connector = null!;
    protected TenantSeed _seed = null!;

    /// <summary>How many bot processes to start before each test.</summary>
    protected virtual int Instances => 2;

    /// <summary>Extra settings for every bot process (environment variables).</summary>
    protected virtual Dictionary<string, string> Settings => [];

    private static string Server => Environment.GetEnvironmentVariable("TAPBOT_TEST_POSTGRES")
        ?? throw new InvalidOperationException("TAPBOT_TEST_POSTGRES is not set: run the suites with bash scripts/test.sh.");

    protected string ConnectionString => new NpgsqlConnectionStringBuilder(Server) { Database = _database }.ConnectionString;

    public async Task InitializeAsync()
    {
        await SqlAsync($"CREATE DATABASE {_database}");
        _seed = TenantSeed.Load(EmulatorOptions.BundledSeedPath);
        _tenant = await SimulatedTenantServer.StartAsync(_seed, "http://127.0.0.1:0");
        _connector = await ConnectorStub.StartAsync();
        for (var i = 0; i < Instances; i++) _urls.Add(await StartBotAsync());
    }

    public async Task DisposeAsync()
    {
        foreach (var bot in _bots)
        {
            if (!bot.HasExited) bot.Kill(entireProcessTree: true);
            await bot.WaitForExitAsync();
        }

        await _connector.DisposeAsync();
        await _tenant.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await SqlAsync($"DROP DATABASE IF EXISTS {_database} WITH (FORCE)");
    }

    /// <summary>The audit chain key every instance shares (PostgreSQL requires one configured).</summary>
    private static readonly string ChainKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    protected ServiceProvider Storage() =>
        new ServiceCollection().AddLogging()
            .AddTapStorage(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Storage:Provider"] = "PostgreSql", ["Storage:ConnectionString"] = ConnectionString, ["Storage:MigrateOnStart"] = "false",
                ["Audit:ChainKey"] = ChainKey,
            }).Build())
            .BuildServiceProvider();

    protected JsonObject Message(string upn, string text)
    {
        var user = _seed.Users.Single(u => u.UserPrincipalName == upn);
        return new JsonObject
        {
            ["type"] = "message", ["id"] = Guid.NewGuid().ToString(), ["channelId"] = "msteams", ["serviceUrl"] = _connector.ServiceUrl,
            ["text"] = text,
            ["from"] = new JsonObject { ["id"] = "29:" + user.Id, ["name"] = user.DisplayName, ["aadObjectId"] = user.Id },
            ["recipient"] = new JsonObject { ["id"] = "28:tapbot", ["name"] = "TapBot" },
            ["conversation"] = new JsonObject { ["id"] = "a:personal-" + user.Id, ["conversationType"] = "personal", ["tenantId"] = _seed.TenantId },
            ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = _seed.TenantId } },
        };
    }

    /// <summary>An approver's click on "Issue pass" for a person, on the given form card.</summary>
    protected JsonObject IssueClick(string approverUpn, string targetUpn, string cardMessageId)
    {
        var click = Message(approverUpn, "");
        click.Remove("text");
        click["type"] = "invoke";
        click["name"] = "adaptiveCard/action";
        click["replyToId"] = cardMessageId;
        click["value"] = new JsonObject
        {
            ["action"] = new JsonObject
            {
                ["type"] = "Action.Execute", ["verb"] = "issuePass",
                ["data"] = new JsonObject
                {
                    ["personId"] = _seed.Users.Single(u => u.UserPrincipalName == targetUpn).Id, ["v"] = "2", ["lifetime"] = "60", ["oneTime"] = "true", ["reason"] = "INC-50",
                },
            },
            ["trigger"] = "manual",
        };
        return click;
    }

    /// <summary>An approver types "issue TAP for" a person; returns the id of the form card TapBot answered with.</summary>
    protected async Task<string> IssueFormAsync(HttpClient http, string url, string approverUpn, string targetUpn)
    {
        (await http.PostAsJsonAsync(url + "/api/messages", Message(approverUpn, "issue TAP for " + targetUpn))).EnsureSuccessStatusCode();
        return _connector.LastMessageIdIn("a:personal-" + _seed.Users.Single(u => u.UserPrincipalName == approverUpn).Id);
    }

    /// <summary>The bot processes, in start order (a test may kill one).</summary>
    protected IReadOnlyList<Process> Bots => _bots;

    protected async Task<string> StartBotAsync()
    {
        var port = FreePort();
        var dll = Path.Combine(AppContext.BaseDirectory, "TapBot.dll");
        var start = new ProcessStartInfo("dotnet", [dll, $"--urls=http://127.0.0.1:{port}"])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        start.Environment["Graph__Mode"] = "Simulated";
        start.Environment["Graph__BaseUrl"] = _tenant.GraphBaseUrl;
        start.Environment["Storage__Provider"] = "PostgreSql";
        start.Environment["Storage__ConnectionString"] = ConnectionString;
        start.Environment["Audit__ChainKey"] = ChainKey;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        // These tests follow a code posted in the card across instances; reveal on demand has its own suites.
        start.Environment["Issuance__Delivery"] = "InCard";
        foreach (var (key, value) in Settings) start.Environment[key] = value;
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _bots.Add(process);

        using var http = new HttpClient();
        var url = $"http://127.0.0.1:{port}";
        for (var i = 0; i < 120; i++)
        {
            try
            {
                if ((await http.GetAsync(url + "/readyz")).IsSuccessStatusCode) return url;
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            if (process.HasExited) throw new InvalidOperationException($"TapBot exited with code {process.ExitCode} before it was ready.");
            await Task.Delay(250);
        }

        throw new TimeoutException("TapBot was not ready within 30 s.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task SqlAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(Server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}

/// <summary>Two processes behave as one bot.</summary>
public sealed class TwoInstancesTests : RealProcessesTest
{
    [Fact]
    public async Task FiftyClicksOnOneIssueForm_SpreadOverBothInstances_OneDecisionOnePassOneDelivery()
    {
        using var http = new HttpClient();
        (await http.PostAsJsonAsync(_urls[0] + "/api/messages", Message("adele@contoso.com", "hi"))).EnsureSuccessStatusCode();
        var form = await IssueFormAsync(http, _urls[0], "megan@contoso.com", "adele@contoso.com");
        var creates = new TapBot.SimulatedTenant.Http.FaultRule { Method = "POST", PathContains = "temporaryAccessPassMethods", Status = 0, Times = 1000 };
        _tenant.Faults.Add(creates);
        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(i =>
            http.PostAsJsonAsync(_urls[i % 2] + "/api/messages", IssueClick("megan@contoso.com", "adele@contoso.com", form))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(1, creates.Hits);
        Assert.Single(_connector.SentActivities, a => a.ToJsonString().Contains("Your Temporary Access Pass"));
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("""SELECT count(*) FROM access_requests""", connection);
        Assert.Equal(1L, await count.ExecuteScalarAsync());
    }

    [Fact]
    public async Task SixtyStatusLookupsOverBothInstances_MakeOneUnbrokenAuditTrail()
    {
        using var http = new HttpClient();
        var lynne = _seed.Users.Single(u => u.UserPrincipalName == "lynne@contoso.com");

        var responses = await Task.WhenAll(Enumerable.Range(0, 60).Select(i =>
            http.PostAsJsonAsync(_urls[i % 2] + "/api/messages", Message("megan@contoso.com", "TAP status for lynne@contoso.com"))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(60, _connector.SentActivities.Count(a => a.ToJsonString().Contains("Usable now")));
        await using var storage = Storage();
        await using var scope = storage.CreateAsyncScope();
        var audit = scope.ServiceProvider.GetRequiredService<IAuditTrail>();
        var verification = await audit.VerifyAsync(default);
        Assert.True(verification.Intact, verification.Problem);
        Assert.Equal(60, verification.Events);
        Assert.All(await audit.RecentAsync(lynne.Id, 100, default), e => Assert.Equal("StatusViewed", e.Kind));
    }

    [Fact]
    public async Task APersonalChatSeenByOneInstance_IsKnownToTheOther()
    {
        using var http = new HttpClient();
        var adele = _seed.Users.Single(u => u.UserPrincipalName == "adele@contoso.com");

        (await http.PostAsJsonAsync(_urls[0] + "/api/messages", Message("adele@contoso.com", "help"))).EnsureSuccessStatusCode();

        await using var storage = Storage();
        await using var scope = storage.CreateAsyncScope();
        var chat = await scope.ServiceProvider.GetRequiredService<IPersonalChats>().FindAsync(_seed.TenantId, adele.Id, default);
        Assert.Equal("a:personal-" + adele.Id, chat?.Address.ConversationId);
    }
}
