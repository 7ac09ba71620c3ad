using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace TapBot.IntegrationTests;

/// <summary>
/// A stand-in for Teams' Bot Connector service (the activity's serviceUrl): records every call the bot makes
/// (send, reply, update, delete, create conversation) and answers as the connector does.
/// </summary>
public sealed class ConnectorStub : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ConnectorCall> _calls = new();
    private readonly ConcurrentDictionary<string, TimeSpan> _delays = new();
    private int _ids;

    private ConnectorStub(WebApplication app) => _app = app;

    public string ServiceUrl { get; private set; } = "";

    public IReadOnlyList<ConnectorCall> Calls => _calls.ToList();

    /// <summary>Activities the bot sent or replied with (not updates), in order.</summary>
    public IReadOnlyList<JsonObject> SentActivities =>
        _calls.Where(c => c.Method == "POST" && c.Path.Contains("/activities"))
            .Select(c => c.Body!).ToList();

    public void Clear() => _calls.Clear();

    /// <summary>The id of the last message the bot sent (or replied with) in a conversation, as the connector answered it.</summary>
    public string LastMessageIdIn(string conversationId) =>
        _calls.Last(c => c.MessageId is not null && Uri.UnescapeDataString(c.Path).Contains(conversationId)).MessageId!;

    /// <summary>
    /// People (Entra object ids) for whom TapBot is installed: Teams opens a 1:1 chat with them on request. For
    /// anyone else it answers 403, as Teams does when the app is not installed for the user.
    /// </summary>
    public ConcurrentDictionary<string, bool> InstalledFor { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Holds back answers to calls whose path contains the text (to catch the bot mid-delivery).</summary>
    public void Delay(string pathContains, TimeSpan delay) => _delays[pathContains] = delay;

    /// <summary>While set, card rewrites (PUT) are refused with 502, as when Teams is briefly unavailable.</summary>
    public bool RefuseUpdates { get; set; }

    public static async Task<ConnectorStub> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var stub = new ConnectorStub(app);
        app.Map("/v3/{**rest}", stub.HandleAsync);
        await app.StartAsync();
        stub.ServiceUrl = app.Urls.First().TrimEnd('/') + "/";
        return stub;
    }

    private async Task HandleAsync(HttpContext http)
    {
        var body = http.Request.ContentLength is > 0 || http.Request.Method is "POST" or "PUT"
            ? await JsonNode.ParseAsync(http.Request.Body) as JsonObject
            : null;
        var path = http.Request.Path.Value!;
        foreach (var (part, delay) in _delays)
        {
            if (Uri.UnescapeDataString(path).Contains(part)) await Task.Delay(delay);
        }

        var call = new ConnectorCall(http.Request.Method, path, body);
        _calls.Enqueue(call);

        if (http.Request.Method == "POST" && path == "/v3/conversations")
        {
            var member = body?["members"]?[0]?["id"]?.GetValue<string>() ?? "";
            if (!InstalledFor.ContainsKey(member))
            {
                http.Response.StatusCode = 403;
                await http.Response.WriteAsJsonAsync(new { error = new { code = "Forbidden", message = "The bot is not installed for this user." } });
                return;
            }

            http.Response.StatusCode = 201;
            await http.Response.WriteAsJsonAsync(new { id = "a:" + Guid.NewGuid().ToString("N") });
            return;
        }

        if (http.Request.Method == "GET" && path.Contains("/members/"))
        {
            var id = Uri.UnescapeDataString(path[(path.LastIndexOf('/') + 1)..]);
            await http.Response.WriteAsJsonAsync(new { id, name = "Member", aadObjectId = id.Replace("29:", "") });
            return;
        }

        if (http.Request.Method == "PUT" && RefuseUpdates)
        {
            http.Response.StatusCode = 502;
            return;
        }

        if (http.Request.Method == "DELETE")
        {
            http.Response.StatusCode = 200;
            return;
        }

        http.Response.StatusCode = http.Request.Method == "PUT" ? 200 : 201;
        var messageId = "msg-" + Interlocked.Increment(ref _ids);
        if (http.Request.Method == "POST") call.MessageId = messageId;
        await http.Response.WriteAsJsonAsync(new { id = messageId });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

public sealed record ConnectorCall(string Method, string Path, JsonObject? Body)
{
    /// <summary>The id the stub gave a sent message (what Teams' replyToId names when someone clicks its card).</summary>
    public string? MessageId { get; set; }
}
