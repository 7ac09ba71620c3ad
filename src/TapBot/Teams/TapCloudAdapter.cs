using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using TapBot.Cards;

namespace TapBot.Teams;

/// <summary>
/// CloudAdapter with TapBot's turn-error handling: the exception is logged with its stack, the user sees a generic
/// apology (never exception text), and an invoke still gets a well-formed answer so Teams does not retry it.
/// </summary>
public sealed class TapCloudAdapter : CloudAdapter
{
    private readonly ILogger<TapCloudAdapter> _logger;

    public TapCloudAdapter(BotFrameworkAuthentication authentication, ILogger<TapCloudAdapter> logger)
        : base(authentication, logger)
    {
        _logger = logger;
        OnTurnError = HandleTurnErrorAsync;
    }

    /// <summary>
    /// Processes an activity that <see cref="BotEndpoint"/> has already read and checked. Throws
    /// <see cref="UnauthorizedAccessException"/> when the request is not authenticated; no turn runs then.
    /// </summary>
    public async Task<InvokeResponse> ProcessCheckedActivityAsync(string authHeader, Activity activity, IBot bot, CancellationToken ct)
    {
        AuthenticateRequestResult authentication;
        try
        {
            authentication = await BotFrameworkAuthentication.AuthenticateRequestAsync(activity, authHeader, ct);
        }
        catch (Exception e) when (e is not (UnauthorizedAccessException or OperationCanceledException))
        {
            // The SDK reports some refused tokens (bad signature, unknown key, not yet valid, malformed) as IdentityModel
            // or argument exceptions, not UnauthorizedAccessException; each still means "not authenticated", not a 500.
            throw new UnauthorizedAccessException($"The token could not be validated ({e.GetType().Name}).", e);
        }

        return await ProcessActivityAsync(authentication, activity, bot.OnTurnAsync, ct);
    }

    private async Task HandleTurnErrorAsync(ITurnContext turn, Exception exception)
    {
        var activity = turn.Activity;
        _logger.LogError(exception, "Turn failed for {ActivityType} {ActivityName} in a {ConversationType} conversation",
            activity.Type, activity.Name, activity.Conversation?.ConversationType ?? "unknown");
        try
        {
            if (activity.Type == ActivityTypes.Invoke)
            {
                await turn.SendActivityAsync(new Activity
                {
                    Type = ActivityTypesEx.InvokeResponse,
                    Value = new InvokeResponse { Status = 200, Body = CardResponses.Message(Apology) },
                });
            }
            else if (activity.Type == ActivityTypes.Message)
            {
                // Only a person who wrote to us gets an apology; a failed conversationUpdate stays in the logs.
                await turn.SendActivityAsync(MessageFactory.Text(Apology));
            }
        }
        catch (Exception sendFailure)
        {
            _logger.LogError(sendFailure, "Could not tell the user about a failed turn");
        }
    }

    public const string Apology =
        "Sorry, something went wrong on my side and nothing was changed. Please try again; if it keeps happening, tell your IT team.";
}
