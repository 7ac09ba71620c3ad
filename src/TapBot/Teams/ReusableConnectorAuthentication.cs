using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.Bot.Builder.Skills;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Microsoft.Rest;
using Newtonsoft.Json;

namespace TapBot.Teams;

/// <summary>
/// Wraps Bot Framework authentication so every turn reuses one connector client per (bot app id, service URL,
/// audience). Stock CloudAdapter builds and disposes a ConnectorClient per turn, and each new client makes
/// Newtonsoft rebuild its contract cache: an echo bot measured ~90 turns/s CPU-bound on 2 cores, ~1,550 with reuse
/// (shared/docs/design.md, "Throughput trap"; bench/ reproduces it).
/// </summary>
public sealed class ReusableConnectorAuthentication(BotFrameworkAuthentication inner, ConnectorClientCache cache) : BotFrameworkAuthentication
{
    public override async Task<AuthenticateRequestResult> AuthenticateRequestAsync(Activity activity, string authHeader, CancellationToken cancellationToken)
    {
        var result = await inner.AuthenticateRequestAsync(activity, authHeader, cancellationToken);
        result.ConnectorFactory = new CachingConnectorFactory(result.ConnectorFactory, AppIdOf(result.ClaimsIdentity), cache);
        return result;
    }

    public override async Task<AuthenticateRequestResult> AuthenticateStreamingRequestAsync(string authHeader, string channelIdHeader, CancellationToken cancellationToken)
    {
        var result = await inner.AuthenticateStreamingRequestAsync(authHeader, channelIdHeader, cancellationToken);
        result.ConnectorFactory = new CachingConnectorFactory(result.ConnectorFactory, AppIdOf(result.ClaimsIdentity), cache);
        return result;
    }

    public override ConnectorFactory CreateConnectorFactory(ClaimsIdentity claimsIdentity) =>
        new CachingConnectorFactory(inner.CreateConnectorFactory(claimsIdentity), AppIdOf(claimsIdentity), cache);

    public override Task<UserTokenClient> CreateUserTokenClientAsync(ClaimsIdentity claimsIdentity, CancellationToken cancellationToken) =>
        inner.CreateUserTokenClientAsync(claimsIdentity, cancellationToken);

    public override BotFrameworkClient CreateBotFrameworkClient() => inner.CreateBotFrameworkClient();

    public override string GetOriginatingAudience() => inner.GetOriginatingAudience();

    public override Task<ClaimsIdentity> AuthenticateChannelRequestAsync(string authHeader, CancellationToken cancellationToken) =>
        inner.AuthenticateChannelRequestAsync(authHeader, cancellationToken);

    // The connector's credentials depend on the bot app id the token was issued to (the audience claim).
    private static string AppIdOf(ClaimsIdentity? identity) =>
        identity?.Claims.FirstOrDefault(c => c.Type == AuthenticationConstants.AudienceClaim)?.Value ?? "";

    private sealed class CachingConnectorFactory(ConnectorFactory inner, string appId, ConnectorClientCache cache) : ConnectorFactory
    {
        // The shared client outlives this turn, so it is created without the turn's cancellation token: one cancelled
        // turn must not fail every turn waiting for the same client.
        public override Task<IConnectorClient> CreateAsync(string serviceUrl, string audience, CancellationToken cancellationToken) =>
            cache.GetAsync(appId, serviceUrl, audience, () => inner.CreateAsync(serviceUrl, audience, CancellationToken.None));
    }
}

/// <summary>
/// The shared connector clients. Bounded: service URLs come from activities, so a flood of distinct ones empties
/// the cache instead of growing it.
/// </summary>
public sealed class ConnectorClientCache
{
    public const int MaxClients = 256;
    private readonly ConcurrentDictionary<(string, string, string), Lazy<Task<IConnectorClient>>> _clients = new();
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public async Task<IConnectorClient> GetAsync(string appId, string serviceUrl, string audience, Func<Task<IConnectorClient>> create)
    {
        var key = (appId, serviceUrl ?? "", audience ?? "");
        if (!_clients.TryGetValue(key, out var lazy))
        {
            if (Count >= MaxClients)
            {
                _clients.Clear();
                Volatile.Write(ref _count, 0);
            }

            var added = new Lazy<Task<IConnectorClient>>(create);
            lazy = _clients.GetOrAdd(key, added);
            if (ReferenceEquals(lazy, added)) Interlocked.Increment(ref _count);
        }

        try
        {
            return new SharedConnectorClient(await lazy.Value);
        }
        catch
        {
            // Forget only this failed attempt, never a healthy client another turn has put there since.
            if (_clients.TryRemove(new KeyValuePair<(string, string, string), Lazy<Task<IConnectorClient>>>(key, lazy))) Interlocked.Decrement(ref _count);
            throw;
        }
    }

    /// <summary>A view of a cached client that ignores the per-turn Dispose CloudAdapter calls.</summary>
    private sealed class SharedConnectorClient(IConnectorClient inner) : IConnectorClient
    {
        public Uri BaseUri { get => inner.BaseUri; set => inner.BaseUri = value; }
        public JsonSerializerSettings SerializationSettings => inner.SerializationSettings;
        public JsonSerializerSettings DeserializationSettings => inner.DeserializationSettings;
        public ServiceClientCredentials Credentials => inner.Credentials;
        public IAttachments Attachments => inner.Attachments;
        public IConversations Conversations => inner.Conversations;

        public void Dispose()
        {
            // Shared across turns: the cache owns the client.
        }
    }
}
