using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TapBot.SimulatedTenant.Http;
using TapBot.SimulatedTenant.Tenant;

namespace TapBot.SimulatedTenant;

/// <summary>
/// The Graph emulator as an HTTP server: <c>/v1.0/...</c> (and <c>/beta/...</c>) speak Graph; <c>/_simulator/...</c>
/// lets tests and demos steer it (faults, marking a pass used). Runs standalone or inside the TapBot host.
/// </summary>
public sealed class SimulatedTenantServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private long _graphRequests;

    private SimulatedTenantServer(WebApplication app, GraphEmulator emulator, FaultInjector faults)
    {
        _app = app;
        Emulator = emulator;
        Faults = faults;
    }

    public GraphEmulator Emulator { get; }
    public FaultInjector Faults { get; }
    public TenantState State => Emulator.State;

    /// <summary>
    /// HTTP requests that reached the Graph paths (<c>/v1.0</c>, <c>/beta</c>) since the start: what a client's
    /// round trips cost. A <c>$batch</c> counts once however many requests it carries; retries count each time.
    /// </summary>
    public long GraphRequests => Interlocked.Read(ref _graphRequests);

    /// <summary>The last Graph requests (method, path and query; a <c>$batch</c> as one), oldest first: what a round-trip count was spent on.</summary>
    public IReadOnlyList<string> RecentGraphRequests => [.. _recent];

    private const int RecentKept = 100;
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _recent = new();

    /// <summary>The listening address, e.g. http://127.0.0.1:5055.</summary>
    public string Address { get; private set; } = "";

    /// <summary>The Graph base URL to give the SDK: the address plus <c>/v1.0</c>.</summary>
    public string GraphBaseUrl => Address + "/v1.0";

    /// <summary>Starts the emulator on <paramref name="url"/> (port 0 picks a free port).</summary>
    public static async Task<SimulatedTenantServer> StartAsync(
        TenantSeed seed, string url, EmulatorOptions? options = null, TimeProvider? time = null,
        Action<ILoggingBuilder>? logging = null, CancellationToken ct = default)
    {
        options ??= new EmulatorOptions();
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        // Inside TapBot the emulator must not pick up the host's settings (Kestrel endpoints, ASPNETCORE_URLS, …):
        // it listens exactly where it is told.
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection();
        builder.WebHost.UseUrls(url);
        if (logging is null)
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddConsole().AddFilter((category, level) => level >= LogLevel.Error);
        }
        else
        {
            logging(builder.Logging);
        }
        var state = new TenantState(seed, time ?? TimeProvider.System);
        var faults = new FaultInjector(options);
        var emulator = new GraphEmulator(state, options, faults);
        var app = builder.Build();
        var server = new SimulatedTenantServer(app, emulator, faults);
        app.Use((http, next) =>
        {
            if (http.Request.Path.StartsWithSegments("/v1.0") || http.Request.Path.StartsWithSegments("/beta"))
            {
                Interlocked.Increment(ref server._graphRequests);
                server._recent.Enqueue($"{http.Request.Method} {http.Request.Path}{http.Request.QueryString}");
                while (server._recent.Count > RecentKept) server._recent.TryDequeue(out _);
            }

            return next(http);
        });
        Map(app, emulator, faults);
        await app.StartAsync(ct);
        server.Address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        return server;
    }

    public static void Map(IEndpointRouteBuilder app, GraphEmulator emulator, FaultInjector faults)
    {
        app.Map("/v1.0/{**rest}", (HttpContext http) => ServeGraphAsync(http, emulator, faults));
        app.Map("/beta/{**rest}", (HttpContext http) => ServeGraphAsync(http, emulator, faults));

        var control = app.MapGroup("/_simulator");
        control.MapGet("/health", () => Results.Json(new { status = "ok", tenantId = emulator.State.TenantId }));
        control.MapPost("/faults", (FaultRule rule) => { faults.Add(rule); return Results.NoContent(); });
        control.MapDelete("/faults", () => { faults.Clear(); return Results.NoContent(); });
        control.MapPost("/users/{id}/temporaryAccessPass/use", (string id) =>
        {
            try
            {
                emulator.State.UsePass(emulator.State.GetUser(id));
                return Results.NoContent();
            }
            catch (GraphErrorException e)
            {
                return Results.Json(new { error = e.Message }, statusCode: e.Status);
            }
        });
    }

    private static async Task ServeGraphAsync(HttpContext http, GraphEmulator emulator, FaultInjector faults)
    {
        if (faults.LatencyMs > 0) await Task.Delay(faults.LatencyMs, http.RequestAborted);

        var request = http.Request;
        var version = request.Path.Value!.Split('/', StringSplitOptions.RemoveEmptyEntries)[0];
        var baseUrl = $"{request.Scheme}://{request.Host}/{version}";
        var (_, query) = GraphCall.SplitUrl(request.QueryString.Value ?? "");
        var headers = request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var path = request.Path.Value![(version.Length + 1)..].Trim('/');

        GraphReply reply;
        var call = new GraphCall(request.Method, path, query, headers, null, baseUrl);
        try
        {
            var body = await ReadBodyAsync(request);
            call = call with { Body = body };
            if (!(headers.TryGetValue("Authorization", out var auth) && auth.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && auth.Length > 7))
            {
                throw new GraphErrorException(401, "InvalidAuthenticationToken", "Access token is empty.");
            }

            reply = path.Equals("$batch", StringComparison.OrdinalIgnoreCase) && request.Method == "POST"
                ? Batch(emulator, faults, call)
                : emulator.Handle(call);
        }
        catch (GraphErrorException e)
        {
            reply = GraphEmulator.Error(e, call);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // An emulator bug must still look like Graph (a JSON error body), or the SDK throws a confusing ApiException.
            http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger<SimulatedTenantServer>()
                .LogError(e, "Simulated tenant failed on {Method} {Path}", call.Method, call.Path);
            reply = GraphEmulator.Error(new GraphErrorException(500, "generalException", "The simulated tenant failed: " + e.GetType().Name), call);
        }

        var clientRequestId = call.Header("client-request-id") ?? Guid.NewGuid().ToString();
        http.Response.StatusCode = reply.Status;
        http.Response.Headers["request-id"] = clientRequestId;
        http.Response.Headers["client-request-id"] = clientRequestId;
        foreach (var (k, v) in reply.Headers ?? new Dictionary<string, string>()) http.Response.Headers[k] = v;
        if (reply.Body is not null)
        {
            http.Response.ContentType = "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8";
            await http.Response.WriteAsync(reply.Body.ToJsonString(), http.RequestAborted);
        }
    }

    private static GraphReply Batch(GraphEmulator emulator, FaultInjector faults, GraphCall call)
    {
        try
        {
            faults.Check(call);
            return BatchHandler.Handle(emulator, call);
        }
        catch (GraphErrorException e)
        {
            return GraphEmulator.Error(e, call);
        }
    }

    private static async Task<JsonNode?> ReadBodyAsync(HttpRequest request)
    {
        if (request.ContentLength == 0 || request.Method is "GET" or "DELETE") return null;
        using var reader = new StreamReader(request.Body);
        var text = await reader.ReadToEndAsync();
        if (string.IsNullOrWhiteSpace(text)) return null;
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            throw GraphErrorException.BadRequest("Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
