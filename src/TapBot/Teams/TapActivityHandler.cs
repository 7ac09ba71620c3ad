using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Teams;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;
using TapBot.Actions;
using TapBot.Cards;
using TapBot.Commands;
using TapBot.Conversations;
using TapBot.Domain.Limits;
using TapBot.Domain.Telemetry;

namespace TapBot.Teams;

/// <summary>
/// TapBot's only <see cref="IBot"/>. Thin and stateless: it works out who is asking, then hands chat text to
/// <see cref="ChatCommandRouter"/> and card clicks to <see cref="CardActionRouter"/>.
/// </summary>
public sealed class TapActivityHandler(
    TurnIdentity identity,
    ChatCommandRouter commands,
    CardActionRouter actions,
    PersonalChatRecorder chatRecorder,
    OwnCards ownCards,
    SharedConversations shared,
    AbuseLimits limits,
    ILogger<TapActivityHandler> logger) : TeamsActivityHandler
{
    /// <summary>Longest chat message read as a command; longer text is answered, not parsed.</summary>
    public const int MaxCommandLength = 1000;

    public override async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        var type = TapBotTelemetry.Tag("activity.type", turnContext.Activity.Type);
        using var span = TapBotTelemetry.Source.StartActivity($"turn {turnContext.Activity.Type}");
        span?.SetTag("conversation.type", turnContext.Activity.Conversation?.ConversationType);
        try
        {
            // Cards, replies and refusals are worded in the reader's language (Teams sends it as the locale).
            Texts.Use(turnContext.Activity.Locale);

            // Who is asking is worked out once per turn; the message and click handlers read it from the turn state.
            var resolved = identity.Resolve(turnContext.Activity);
            turnContext.TurnState.Add(resolved);

            // A message or click in a personal chat tells us where that person can be reached privately: recorded only
            // for people TurnIdentity accepts (Teams, our tenant, a real object id).
            if (resolved.Requester is { } requester)
            {
                await chatRecorder.RecordAsync(turnContext.Activity, requester, cancellationToken);
            }

            await base.OnTurnAsync(turnContext, cancellationToken);
            TapBotTelemetry.Turns.Add(1, type, TapBotTelemetry.Tag("outcome", "ok"));
        }
        catch
        {
            TapBotTelemetry.Turns.Add(1, type, TapBotTelemetry.Tag("outcome", "error"));
            span?.SetStatus(System.Diagnostics.ActivityStatusCode.Error);
            throw;
        }
    }

    protected override async Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turn, CancellationToken ct)
    {
        if (turn.TurnState.Get<ResolvedRequester>() is not { Requester: { } requester })
        {
            await turn.SendActivityAsync(MessageFactory.Text(turn.TurnState.Get<ResolvedRequester>()?.Problem), ct);
            return;
        }

        // Past the refused-commands limit: one answer, then silence (and no directory calls) until the window ends.
        if (await limits.GateAsync(requester, ct) is RefusalGate.Paused paused)
        {
            if (paused.TellNow) await turn.SendActivityAsync(CardResponses.Activity(LimitCards.Paused(paused.Refusal), Texts.Get("Summary.Paused")), ct);
            return;
        }

        // Action.Submit from an old card arrives as a message with no text and a value.
        if (string.IsNullOrWhiteSpace(turn.Activity.Text) && turn.Activity.Value is not null)
        {
            await turn.SendActivityAsync(MessageFactory.Text("That card is out of date. Type **help** to see what I can do."), ct);
            return;
        }

        var text = TextWithoutBotMention(turn.Activity);
        if (text.Length > MaxCommandLength)
        {
            await turn.SendActivityAsync(MessageFactory.Text(
                $"That message is too long for a command ({text.Length:N0} characters; I read up to {MaxCommandLength:N0}). " +
                "Try something like **TAP status for adele@contoso.com**."), ct);
            return;
        }

        var (withIds, mentionProblem) = await MentionedPerson.ResolveAsync(turn, text, ct);
        if (mentionProblem is not null)
        {
            await turn.SendActivityAsync(CardResponses.Activity(StatusCards.Refused(mentionProblem), Texts.Get("Summary.OnePerson")), ct);
            return;
        }

        var command = CommandParser.Parse(withIds);
        TapBotTelemetry.Commands.Add(1, TapBotTelemetry.Tag("command", command.GetType().Name));
        logger.LogInformation("Command {Command} from {RequesterId}", command.GetType().Name, requester.ObjectId);
        var context = new ChatCommandContext(command, requester, turn.Activity);
        if (SharedConversationRule.IsShared(turn.Activity) && !SharedConversationRule.AnswersInPlace(command))
        {
            await shared.AnswerPrivatelyAsync(turn, requester, token => commands.AnswerAsync(context, token), ct);
            return;
        }

        var answer = await commands.AnswerAsync(context, ct);
        var sent = await turn.SendActivityAsync(CardResponses.Activity(answer.Card, answer.Summary), ct);
        await ownCards.RememberAsync(answer.Card, turn.Activity.Conversation?.Id, sent?.Id, ct);
    }

    /// <summary>The message text without "@TapBot" (channels and group chats); the raw text if the mention is malformed.</summary>
    private static string TextWithoutBotMention(IMessageActivity activity)
    {
        try
        {
            return activity.RemoveRecipientMention() ?? activity.Text ?? "";
        }
        catch (NullReferenceException)
        {
            // A mention entity without "mentioned" (seen in hand-made activities): fall back to the text itself.
            return activity.Text ?? "";
        }
    }

    protected override async Task<AdaptiveCardInvokeResponse> OnAdaptiveCardInvokeAsync(
        ITurnContext<IInvokeActivity> turn, AdaptiveCardInvokeValue invokeValue, CancellationToken ct)
    {
        if (turn.TurnState.Get<ResolvedRequester>() is not { Requester: { } requester })
        {
            return CardResponses.Card(StatusCards.Refused(turn.TurnState.Get<ResolvedRequester>()?.Problem ?? ""));
        }

        // Past the refused-commands limit: an invoke must be answered, but nothing else is done for this person.
        if (await limits.GateAsync(requester, ct) is RefusalGate.Paused paused)
        {
            return paused.TellNow ? CardResponses.Card(LimitCards.Paused(paused.Refusal)) : CardResponses.Message(LimitCards.PausedClick);
        }

        // Microsoft.Bot.Schema 4.23 has no Trigger property; "automatic" means a refresh, which must not change state.
        var automatic = (turn.Activity.Value as JObject)?["trigger"]?.ToString() == "automatic";
        var activity = turn.Activity;
        var context = new CardActionContext(requester, CardData.From(invokeValue.Action?.Data), automatic)
        {
            TeamsUserId = activity.From?.Id,
            ReaderTimeZone = ReaderTimeZone((Activity)activity),
            ClickedCard = string.IsNullOrEmpty(activity.ReplyToId) || activity.Conversation?.Id is not { Length: > 0 } conversationId ? null
                : new RequestCardCopy(Guid.Empty, RequestCardRole.Requester, requester.ObjectId,
                    new ConversationAddress(activity.ChannelId, activity.ServiceUrl, conversationId, activity.Recipient?.Id ?? ""), activity.ReplyToId),
            SourceKey = string.IsNullOrEmpty(turn.Activity.ReplyToId) ? null : Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
                System.Text.Encoding.UTF8.GetBytes($"{turn.Activity.Conversation?.Id}|{turn.Activity.ReplyToId}"))),
            ReplaceCardForEveryoneAsync = async (card, token) =>
            {
                if (string.IsNullOrEmpty(turn.Activity.ReplyToId)) return;
                var update = (Activity)CardResponses.Activity(card, "TapBot");
                update.Id = turn.Activity.ReplyToId;
                await turn.UpdateActivityAsync(update, token);
            },
        };
        logger.LogInformation("Card action {Verb} from {RequesterId} (automatic: {Automatic})", invokeValue.Action?.Verb, requester.ObjectId, automatic);
        if (SharedConversationRule.IsShared(activity) && !await shared.MayActAsync(invokeValue.Action?.Verb, context.Data, activity, ct))
        {
            return CardResponses.Message(SharedConversationReplies.ButtonsOnlyInPrivate);
        }

        return await actions.ExecuteAsync(invokeValue.Action?.Verb, context, ct);
    }

    /// <summary>The time zone Teams reports for the client (IANA name, or at least the local offset); UTC otherwise.</summary>
    private static TimeZoneInfo ReaderTimeZone(Activity activity)
    {
        if (activity.LocalTimezone is { Length: > 0 and < 100 } name && TimeZoneInfo.TryFindSystemTimeZoneById(name, out var zone)) return zone;
        if (activity.LocalTimestamp is { } local && local.Offset != TimeSpan.Zero && Math.Abs(local.Offset.TotalHours) <= 14)
            return TimeZoneInfo.CreateCustomTimeZone("client", local.Offset, "client", "client");
        return TimeZoneInfo.Utc;
    }

    protected override async Task OnInstallationUpdateAddAsync(ITurnContext<IInstallationUpdateActivity> turn, CancellationToken ct)
    {
        if (turn.Activity.Conversation?.ConversationType == "personal")
        {
            var name = turn.Activity.From?.Name;
            await turn.SendActivityAsync(CardResponses.Activity(
                HelpCard.Build(string.IsNullOrWhiteSpace(name) ? Texts.Get("Help.WelcomeNoName") : Texts.Get("Help.Welcome", CardText.Escape(name))), Texts.Get("Summary.Welcome")), ct);
        }
    }
}
