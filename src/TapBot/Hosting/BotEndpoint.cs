using Microsoft.AspNetCore.Http.Features;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using TapBot.Teams;

namespace TapBot.Hosting;

/// <summary>
/// POST /api/messages. Reads and checks the activity itself so malformed input gets a 400 that says what is wrong
/// (CloudAdapter would answer a bare 400 or fail later with a 500), then lets the adapter authenticate and run it.
/// </summary>
public static class BotEndpoint
{
    public static async Task HandleAsync(HttpContext http, TapCloudAdapter adapter, IBot bot, IOptions<BotOptions> options, ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger(typeof(BotEndpoint));
        if (options.Value.IsAnonymous && !FromThisMachine(http))
        {
            // Without a bot registration nothing is authenticated; only this machine may talk to the bot, and not
            // through a proxy or tunnel that would bring the outside in.
            logger.LogWarning("Refused an anonymous activity from {Remote}", http.Connection.RemoteIpAddress);
            await Problem(http, StatusCodes.Status403Forbidden, "This TapBot runs without a bot registration and accepts activities from this machine only.");
            return;
        }

        var limit = options.Value.MaxActivityBytes;
        if (http.Request.ContentLength > limit)
        {
            await Problem(http, StatusCodes.Status413PayloadTooLarge, $"An activity may be at most {limit:N0} bytes.");
            return;
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = limit;

        Activity? activity;
        try
        {
            activity = await HttpHelper.ReadRequestAsync<Activity>(http.Request);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            await Problem(http, StatusCodes.Status413PayloadTooLarge, $"An activity may be at most {limit:N0} bytes.");
            return;
        }

        var problem = activity is null ? "The body is not a Bot Framework activity in JSON." : ShapeProblem(activity);
        if (problem is not null)
        {
            logger.LogWarning("Rejected a malformed activity: {Problem}", problem);
            await Problem(http, StatusCodes.Status400BadRequest, problem);
            return;
        }

        try
        {
            var invokeResponse = await adapter.ProcessCheckedActivityAsync(http.Request.Headers.Authorization.ToString(), activity!, bot, http.RequestAborted);
            await HttpHelper.WriteResponseAsync(http.Response, invokeResponse);
        }
        catch (UnauthorizedAccessException e)
        {
            logger.LogWarning("Rejected an unauthenticated activity: {Reason}", e.Message);
            http.Response.StatusCode = StatusCodes.Status401Unauthorized;
        }
    }

    private static bool FromThisMachine(HttpContext http) =>
        http.Connection.RemoteIpAddress is { } remote && System.Net.IPAddress.IsLoopback(remote)
        && !http.Request.Headers.ContainsKey("Forwarded") && !http.Request.Headers.ContainsKey("X-Forwarded-For");

    /// <summary>What the adapter and handler need from every activity.</summary>
    internal static string? ShapeProblem(Activity a)
    {
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

        return missing.Count == 0 ? null : "The activity lacks " + string.Join(", ", missing) + ".";
    }

    private static Task Problem(HttpContext http, int status, string detail)
    {
        http.Response.StatusCode = status;
        return http.Response.WriteAsJsonAsync(new { error = detail });
    }
}
