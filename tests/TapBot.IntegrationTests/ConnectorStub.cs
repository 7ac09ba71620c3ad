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

    /// <summary>
    /// Conversations whose person blocked TapBot or removed it: Teams answers a new message there with 403
    /// ConversationBlockedByUser (msteams-docs conversation-messages.md, status codes).
    /// </summary>
    public ConcurrentDictionary<string, bool> Blocked { get; } = new(StringComparer.Ordinal);

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
            var (status, answer) = CreateConversation(body);
            http.Response.StatusCode = status;
            await http.Response.WriteAsJsonAsync(answer);
            return;
        }

        if (http.Request.Method == "POST" && Blocked.Keys.Any(id => Uri.UnescapeDataString(path).StartsWith("/v3/conversations/" + id + "/activities", StringComparison.Ordinal)))
        {
            http.Response.StatusCode = 403;
            await http.Response.WriteAsJsonAsync(new { error = new { code = "ConversationBlockedByUser", message = "User blocked the conversation with the bot." } });
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

    /// <summary>The 1:1 conversations Teams opened, by member: asking again for the same person gives the same chat.</summary>
    private readonly ConcurrentDictionary<string, string> _opened = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// POST v3/conversations as Teams answers it for a 1:1 chat (msteams-docs send-proactive-messages.md,
    /// conversation-messages.md): one member whose id is the Entra object id (or the "29:" id), the tenant in
    /// tenantId or channelData.tenant.id → 201 {"id":"a:…"}, the same chat each time for the same person. A member given
    /// only as aadObjectId → 400 (msteams-docs #14079). Someone TapBot is not installed for → 403
    /// BotNotInConversationRoster, the answer Teams gives when the bot cannot message the user.
    /// </summary>
    private (int Status, object Answer) CreateConversation(JsonObject? body)
    {
        static object Error(string code, string message) => new { error = new { code, message } };
        var members = body?["members"] as JsonArray;
        var isGroup = body?["isGroup"] is JsonValue g && g.TryGetValue<bool>(out var group) && group;
        var tenant = body?["tenantId"]?.GetValue<string>() ?? body?["channelData"]?["tenant"]?["id"]?.GetValue<string>();
        if (isGroup) return (400, Error("BadArgument", "Teams does not let a bot create a group chat or channel conversation."));
        if (members is not { Count: 1 } || body?["bot"]?["id"] is null || string.IsNullOrEmpty(tenant))
            return (400, Error("BadArgument", "A 1:1 conversation needs the bot, exactly one member and the tenant id."));
        if (members[0]?["id"]?.GetValue<string>() is not { Length: > 0 } memberId)
            return (400, Error("BadArgument", "The member has no id."));

        var person = memberId.StartsWith("29:", StringComparison.Ordinal) ? memberId[3..] : memberId;
        if (!InstalledFor.ContainsKey(person))
            return (403, Error("BotNotInConversationRoster", "The bot is not part of the conversation roster."));
        return (201, new { id = _opened.GetOrAdd(person, _ => "a:1" + Guid.NewGuid().ToString("N")) });
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
