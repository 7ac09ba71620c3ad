using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;
using Microsoft.Bot.Schema.Teams;
using TapBot.Domain;

namespace TapBot.Teams;

/// <summary>
/// Who is acting, taken only from the activity (<c>from.aadObjectId</c> and the tenant), never from card data,
/// and only for the tenant this TapBot serves.
/// </summary>
public sealed class TurnIdentity(TapTenant tenant)
{
    /// <summary>The requester, or none with a message saying why the activity cannot be served.</summary>
    public ResolvedRequester Resolve(IActivity activity) =>
        new(Resolve(activity, out var problem), problem);

    private Requester? Resolve(IActivity activity, out string? problem)
    {
        // Only Teams: on other channels (Direct Line, Web Chat) the client itself writes "from" and channelData.
        if (!string.Equals(activity.ChannelId, Channels.Msteams, StringComparison.Ordinal))
        {
            problem = "TapBot works in Microsoft Teams only.";
            return null;
        }

        var tenantId = TenantOf(activity);
        if (!string.Equals(tenantId, tenant.Id, StringComparison.OrdinalIgnoreCase))
        {
            problem = $"TapBot serves the {tenant.DisplayName} organization only, and this conversation is not in it.";
            return null;
        }

        var from = activity.From;
        if (from?.AadObjectId is not { } objectId || !Guid.TryParse(objectId, out _))
        {
            problem = "I can't tell who you are: TapBot works only for people signed in to Microsoft Teams in your organization.";
            return null;
        }

        problem = null;
        return new Requester(objectId, string.IsNullOrWhiteSpace(from.Name) ? "Someone" : from.Name);
    }

    private static string? TenantOf(IActivity activity)
    {
        if (activity.Conversation?.TenantId is { Length: > 0 } id) return id;
        try
        {
            return (activity as Activity)?.GetChannelData<TeamsChannelData>()?.Tenant?.Id;
        }
        catch (Newtonsoft.Json.JsonException)
        {
            // Malformed channelData: treat as "no tenant", which is refused.
            return null;
        }
    }
}

/// <summary>A turn's requester as <see cref="TurnIdentity"/> resolved it once, kept in the turn state; or why there is none.</summary>
public sealed record ResolvedRequester(Requester? Requester, string? Problem);
