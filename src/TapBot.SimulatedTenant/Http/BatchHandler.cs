using System.Text.Json.Nodes;

namespace TapBot.SimulatedTenant.Http;

/// <summary>
/// JSON batching (POST /$batch): up to 20 requests, answered one by one with their own status; dependsOn
/// runs in order and a failed dependency gives 424.
/// </summary>
public static class BatchHandler
{
    public const int MaxRequests = 20;

    public static GraphReply Handle(GraphEmulator emulator, GraphCall outer)
    {
        if (outer.Body is not JsonObject { } body || body["requests"] is not JsonArray requests)
        {
            throw GraphErrorException.BadRequest("Invalid batch payload format.");
        }

        if (requests.Count > MaxRequests)
        {
            throw GraphErrorException.BadRequest($"Number of requests in batch exceeds the maximum of {MaxRequests}.");
        }

        var steps = new List<(string Id, JsonObject Request)>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var node in requests)
        {
            if (node is not JsonObject r || Text(r["id"]) is not { Length: > 0 } id || Text(r["method"]) is null || Text(r["url"]) is null)
            {
                throw GraphErrorException.BadRequest("Each batch request needs an id, a method and a url.");
            }

            if (!seen.Add(id)) throw GraphErrorException.BadRequest($"Request id '{id}' is used more than once in the batch.");
            if (r["body"] is not null && !HasContentType(r)) throw GraphErrorException.BadRequest($"Request '{id}' has a body but no Content-Type header.");
            steps.Add((id, r));
        }

        var statuses = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var responses = new JsonArray();
        foreach (var (id, request) in steps)
        {
            var dependsOn = (request["dependsOn"] as JsonArray)?.Select(d => Text(d) ?? "").ToList() ?? [];
            GraphReply reply;
            if (dependsOn.Any(d => !statuses.TryGetValue(d, out var s) || s >= 400))
            {
                reply = GraphEmulator.Error(new GraphErrorException(424, "FailedDependency", "Failed dependency."), outer);
            }
            else
            {
                reply = emulator.Handle(InnerCall(outer, request));
            }

            statuses[id] = reply.Status;
            var item = new JsonObject { ["id"] = id, ["status"] = reply.Status };
            var headers = new JsonObject();
            if (reply.Body is not null) headers["Content-Type"] = "application/json";
            foreach (var (k, v) in reply.Headers ?? new Dictionary<string, string>()) headers[k] = v;
            item["headers"] = headers;
            if (reply.Body is not null) item["body"] = reply.Body.DeepClone();
            responses.Add(item);
        }

        return GraphReply.Ok(new JsonObject { ["responses"] = responses });
    }

    private static GraphCall InnerCall(GraphCall outer, JsonObject request)
    {
        var (path, query) = GraphCall.SplitUrl(request["url"]!.GetValue<string>());
        var headers = new Dictionary<string, string>(outer.Headers, StringComparer.OrdinalIgnoreCase);
        if (request["headers"] is JsonObject h)
        {
            foreach (var (k, v) in h) headers[k] = v?.ToString() ?? "";
        }

        return new GraphCall(request["method"]!.GetValue<string>().ToUpperInvariant(), path, query, headers,
            request["body"]?.DeepClone(), outer.BaseUrl);
    }

    /// <summary>A JSON string's value, or null for anything else (a number where a string belongs is a client error).</summary>
    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static bool HasContentType(JsonObject request) =>
        request["headers"] is JsonObject h && h.Any(kv => string.Equals(kv.Key, "Content-Type", StringComparison.OrdinalIgnoreCase));
}
