using System.Text.Json.Nodes;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using TapBot.Cards;
using TapBot.Conversations;
using TapBot.Domain.Ports;
using TapBot.Domain;

namespace TapBot.Teams;

/// <summary>
/// Messages TapBot starts on its own (proactive): to a person's 1:1 chat, opened when none is known, and to a stored
/// channel. Failures come back as null, never as exception text in front of a user.
/// </summary>
public sealed class ProactiveMessenger(
    TapCloudAdapter adapter,
    IPersonalChats chats,
    TapTenant tenant,
    TimeProvider time,
    IOptions<BotOptions> bot,
    ILogger<ProactiveMessenger> logger)
{
    /// <summary>
    /// The person's 1:1 chat with TapBot: the known one, or one opened now. Teams opens it only when TapBot is
    /// installed for the person (personally or in a team they are in); otherwise null.
    /// </summary>
    public Task<PersonalChat?> OpenPersonalChatAsync(string personId, CancellationToken ct) => OpenPersonalChatAsync(personId, null, ct);

    /// <inheritdoc cref="OpenPersonalChatAsync(string, CancellationToken)"/>
    /// <param name="via">Where the person just wrote (its service URL and the bot's id there), if anywhere.</param>
    public async Task<PersonalChat?> OpenPersonalChatAsync(string personId, ConversationAddress? via, CancellationToken ct)
    {
        if (await chats.FindAsync(tenant.Id, personId, ct) is { } known) return known;

        // The conversation the person wrote in, else any chat in the tenant, tells us the service URL and the bot's id there.
        var anchor = via ?? (await chats.FindLatestAsync(tenant.Id, ct))?.Address;
        if (anchor is null) return null;
        var parameters = new ConversationParameters
        {
            IsGroup = false,
            Bot = new ChannelAccount(anchor.BotId),
            // The Entra object id goes in members[].id (not aadObjectId): Teams resolves it for an installed app.
            Members = [new ChannelAccount(personId)],
            TenantId = tenant.Id,
        };
        string? conversationId = null;
        try
        {
            await adapter.CreateConversationAsync(AppId, anchor.ChannelId, anchor.ServiceUrl, AuthenticationConstants.ToChannelFromBotOAuthScope,
                parameters, (turn, _) =>
                {
                    conversationId = turn.Activity.Conversation?.Id;
                    return Task.CompletedTask;
                }, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogInformation("Could not open a personal chat with {PersonId}: {Error}", personId, e.GetType().Name);
            return null;
        }

        if (string.IsNullOrEmpty(conversationId)) return null;
        var chat = new PersonalChat(tenant.Id, personId, anchor with { ConversationId = conversationId }, time.GetUtcNow());
        await chats.RememberAsync(chat, ct);
        return chat;
    }

    /// <summary>Posts a card; returns the new message's id, or null when Teams did not take it.</summary>
    public async Task<string?> SendAsync(ConversationReference to, JsonObject card, string summary, CancellationToken ct)
    {
        string? messageId = null;
        try
        {
            await adapter.ContinueConversationAsync(AppId, to, async (turn, token) =>
            {
                var response = await turn.SendActivityAsync(CardResponses.Activity(card, summary), token);
                messageId = response?.Id;
            }, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The exception may describe the request, never its body (which can hold a code).
            logger.LogWarning("A proactive message to a {ConversationType} conversation failed: {Error}", to.Conversation?.ConversationType, e.GetType().Name);
        }

        return messageId;
    }

    /// <summary>Rewrites a posted card; false when Teams refused.</summary>
    public async Task<bool> UpdateAsync(ConversationReference to, string messageId, JsonObject card, string summary, CancellationToken ct)
    {
        var done = false;
        try
        {
            await adapter.ContinueConversationAsync(AppId, to, async (turn, token) =>
            {
                var update = (Activity)CardResponses.Activity(card, summary);
                update.Id = messageId;
                await turn.UpdateActivityAsync(update, token);
                done = true;
            }, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning("Updating a card in a {ConversationType} conversation failed: {Error}", to.Conversation?.ConversationType, e.GetType().Name);
        }

        return done;
    }

    public static ConversationReference Personal(PersonalChat chat) =>
        Reference(chat.Address, new ConversationAccount(isGroup: false, conversationType: "personal", id: chat.Address.ConversationId, tenantId: chat.TenantId),
            new ChannelAccount(aadObjectId: chat.PersonId));

    /// <summary>Where a stored request card lives (a 1:1 chat or the approvers' channel).</summary>
    public static ConversationReference Of(RequestCardCopy card) =>
        Reference(card.Address, new ConversationAccount(isGroup: card.Role == RequestCardRole.ApproversChannel,
            conversationType: card.Role == RequestCardRole.ApproversChannel ? "channel" : "personal", id: card.Address.ConversationId));

    /// <summary>A channel TapBot posts in on its own (the security-alerts channel).</summary>
    public static ConversationReference Channel(ConversationAddress address) =>
        Reference(address, new ConversationAccount(isGroup: true, conversationType: "channel", id: address.ConversationId));

    private static ConversationReference Reference(ConversationAddress address, ConversationAccount conversation, ChannelAccount? user = null) => new()
    {
        ChannelId = address.ChannelId,
        ServiceUrl = address.ServiceUrl,
        Conversation = conversation,
        Bot = new ChannelAccount(address.BotId),
        User = user,
    };

    private string AppId => bot.Value.MicrosoftAppId ?? "";
}
