using System.Text;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace TapBot.Hosting;

/// <summary>
/// Reads an activity from a request body and says what is wrong with it, so malformed input gets a 400 naming the
/// field at the door instead of failing mid-turn (CloudAdapter would answer a bare 400, a 501 or a 500).
/// </summary>
public static class ActivityShape
{
    /// <summary>The body as a JSON object, or null when it is not one.</summary>
    public static async Task<JObject?> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, ct);
        body.Position = 0;
        try
        {
            // Dates stay text here so the typed read keeps their offsets (localTimestamp carries the user's zone).
            using var reader = new JsonTextReader(new StreamReader(body, Encoding.UTF8)) { DateParseHandling = DateParseHandling.None, MaxDepth = 128 };
            return JToken.ReadFrom(reader) as JObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// What is wrong with the activity, or null with <paramref name="activity"/> set. The raw JSON is checked first
    /// because the typed <see cref="Activity"/> hides some mistakes (Newtonsoft turns a numeric name into a string).
    /// </summary>
    public static string? Problem(JObject json, out Activity? activity)
    {
        activity = null;
        if (IsInvoke(json) && InvokeProblem(json) is { } invokeProblem) return invokeProblem;
        try
        {
            activity = json.ToObject<Activity>(HttpHelper.BotMessageSerializer);
        }
        catch (JsonException)
        {
            // A field of the wrong JSON type, such as "from": 5.
        }

        if (activity is null) return "The body is not a Bot Framework activity in JSON.";

        var a = activity;
        var missing = new List<string>();
        if (string.IsNullOrWhiteSpace(a.Type)) missing.Add("type");
        if (string.IsNullOrWhiteSpace(a.ChannelId)) missing.Add("channelId");
        if (string.IsNullOrWhiteSpace(a.Conversation?.Id)) missing.Add("conversation.id");
        if (string.IsNullOrWhiteSpace(a.From?.Id)) missing.Add("from.id");
        if (string.IsNullOrWhiteSpace(a.Recipient?.Id)) missing.Add("recipient.id");
        if (!Uri.TryCreate(a.ServiceUrl, UriKind.Absolute, out var serviceUrl) || serviceUrl.Scheme is not ("https" or "http"))
        {
            missing.Add("serviceUrl (an absolute http(s) URL)");
        }

        if (missing.Count > 0) return "The activity lacks " + string.Join(", ", missing) + ".";

        // These go back out in the URLs and headers of every reply; a character HTTP cannot carry would fail the turn
        // after the handler had already acted.
        var unsafeFields = Routing(a).Where(f => !IsPrintableAscii(f.Value)).Select(f => f.Name).ToList();
        return unsafeFields.Count > 0 ? $"The activity's {string.Join(", ", unsafeFields)} may hold printable ASCII characters only." : null;
    }

    private static IEnumerable<(string Name, string? Value)> Routing(Activity a) =>
    [
        ("id", a.Id), ("replyToId", a.ReplyToId), ("channelId", a.ChannelId), ("serviceUrl", a.ServiceUrl),
        ("conversation.id", a.Conversation?.Id), ("from.id", a.From?.Id), ("recipient.id", a.Recipient?.Id),
    ];

    private static bool IsPrintableAscii(string? value) => value is null || value.All(c => c is >= ' ' and <= '~');

    // Newtonsoft matches property names case-insensitively, so these checks do too.
    private static bool IsInvoke(JObject json) =>
        json.GetValue("type", StringComparison.OrdinalIgnoreCase) is { Type: JTokenType.String } type && (string?)type == ActivityTypes.Invoke;

    private static string? InvokeProblem(JObject json)
    {
        var name = json.GetValue("name", StringComparison.OrdinalIgnoreCase);
        if (name is not null && name.Type is not (JTokenType.String or JTokenType.Null)) return "An invoke activity's name must be a string.";
        var value = json.GetValue("value", StringComparison.OrdinalIgnoreCase);
        if (value is not null && value.Type is not (JTokenType.Object or JTokenType.Null)) return "An invoke activity's value must be a JSON object.";
        return null;
    }
}
