using System.Text.Json.Nodes;

namespace TapBot.SimulatedTenant.Http;

/// <summary>One Graph request, from HTTP or from inside a $batch: method, path below the version, query, headers, body.</summary>
public sealed record GraphCall(
    string Method,
    string Path,
    IReadOnlyDictionary<string, string> Query,
    IReadOnlyDictionary<string, string> Headers,
    JsonNode? Body,
    string BaseUrl)
{
    public string? Header(string name) =>
        Headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    /// <summary>A query option; Kiota may send <c>%24select</c> when its decoding handler is absent, so both spellings count.</summary>
    public string? Option(string name) =>
        Query.FirstOrDefault(q => string.Equals(q.Key, "$" + name, StringComparison.OrdinalIgnoreCase)
                                  || string.Equals(q.Key, "%24" + name, StringComparison.OrdinalIgnoreCase)
                                  || string.Equals(q.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    /// <summary>Splits a relative URL such as <c>/users/x?$select=id</c> into path and decoded query.</summary>
    public static (string Path, Dictionary<string, string> Query) SplitUrl(string relative)
    {
        var q = relative.IndexOf('?');
        var path = q < 0 ? relative : relative[..q];
        var query = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (q >= 0)
        {
            foreach (var pair in relative[(q + 1)..].Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                var eq = pair.IndexOf('=');
                var key = Uri.UnescapeDataString(eq < 0 ? pair : pair[..eq]);
                var value = eq < 0 ? "" : Uri.UnescapeDataString(pair[(eq + 1)..].Replace('+', ' '));
                query[key] = value;
            }
        }

        return (path.Trim('/'), query);
    }
}

/// <summary>A Graph response: status, JSON body (or none) and extra headers.</summary>
public sealed record GraphReply(int Status, JsonNode? Body, IReadOnlyDictionary<string, string>? Headers = null)
{
    public static GraphReply Ok(JsonNode body) => new(200, body);
    public static GraphReply Created(JsonNode body) => new(201, body);
    public static GraphReply NoContent() => new(204, null);
}
