using Microsoft.AspNetCore.Http.Features;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Newtonsoft.Json.Linq;
using TapBot.Teams;

namespace TapBot.Hosting;

/// <summary>
/// POST /api/messages. Refuses what cannot come from the Bot Connector, reads and checks the activity itself
/// (<see cref="ActivityShape"/>) so malformed input gets a 400 that says what is wrong, then lets the adapter
/// authenticate and run it.
/// </summary>
public static class BotEndpoint
{
    public static async Task HandleAsync(HttpContext http, TapCloudAdapter adapter, IBot bot, IOptions<BotOptions> options, ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger(typeof(BotEndpoint));
        if (NotFromTheConnector(http.Request) is { } refusal)
        {
            logger.LogWarning("Refused a request to /api/messages: {Problem}", refusal.Detail);
            await Problem(http, refusal.Status, refusal.Detail);
            return;
        }

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

        JObject? json;
        try
        {
            json = await ActivityShape.ReadAsync(http.Request, http.RequestAborted);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            await Problem(http, StatusCodes.Status413PayloadTooLarge, $"An activity may be at most {limit:N0} bytes.");
            return;
        }

        Activity? activity = null;
        var problem = json is null ? "The body is not a Bot Framework activity in JSON." : ActivityShape.Problem(json, out activity);
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
            logger.LogWarning(e.InnerException, "Rejected an unauthenticated activity: {Reason}", e.Message);
            http.Response.StatusCode = StatusCodes.Status401Unauthorized;
        }
    }

    /// <summary>
    /// The Bot Connector posts JSON from a server and never sends an Origin header. A web page can make a browser POST
    /// here without a CORS preflight (text/plain, or with no-cors), and the browser then always adds Origin; refusing
    /// both keeps pages the user visits from speaking for them, in every mode.
    /// </summary>
    private static (int Status, string Detail)? NotFromTheConnector(HttpRequest request)
    {
        if (request.Headers.ContainsKey(HeaderNames.Origin))
        {
            return (StatusCodes.Status403Forbidden, "Requests from web pages (with an Origin header) are refused: activities come from the Bot Connector.");
        }

        return MediaTypeHeaderValue.TryParse(request.ContentType, out var type) && type.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            ? null
            : (StatusCodes.Status415UnsupportedMediaType, "An activity must be sent with Content-Type: application/json.");
    }

    private static bool FromThisMachine(HttpContext http) =>
        http.Connection.RemoteIpAddress is { } remote && System.Net.IPAddress.IsLoopback(remote)
        && !http.Request.Headers.ContainsKey("Forwarded") && !http.Request.Headers.ContainsKey("X-Forwarded-For");

    private static Task Problem(HttpContext http, int status, string detail)
    {
        http.Response.StatusCode = status;
        return http.Response.WriteAsJsonAsync(new { error = detail });
    }
}
