using Azure.Core;
using Azure.Identity;
using Microsoft.Graph;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware.Options;

namespace TapBot.Graph;

/// <summary>
/// Builds the one <see cref="GraphServiceClient"/> TapBot uses: the SDK's default middleware (retry on 429/503/504
/// honouring Retry-After, redirects, telemetry headers) over a pooled socket handler.
/// </summary>
internal static class GraphClientBuilder
{
    public static GraphServiceClient Build(GraphOptions options)
    {
        var handlers = GraphClientFactory.CreateDefaultHandlers();
        var retry = handlers.OfType<RetryHandler>().FirstOrDefault();
        if (retry is not null)
        {
            handlers[handlers.IndexOf(retry)] = new RetryHandler(new RetryHandlerOption { MaxRetry = options.MaxRetries });
        }

        var http = GraphClientFactory.Create(handlers, finalHandler: new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        });
        http.Timeout = TimeSpan.FromSeconds(options.TimeoutSeconds);

        if (options.EffectiveMode == GraphMode.Simulated)
        {
            var baseUrl = options.BaseUrl ?? throw new InvalidOperationException("Graph:BaseUrl must point at the simulated tenant.");
            return new GraphServiceClient(http, new SimulatedTenantAuthenticationProvider(), baseUrl.TrimEnd('/'));
        }

        return new GraphServiceClient(http, Credential(options), ["https://graph.microsoft.com/.default"],
            (options.BaseUrl ?? GraphOptions.LiveBaseUrl).TrimEnd('/'));
    }

    private static TokenCredential Credential(GraphOptions o) => o.Credential switch
    {
        GraphCredentialType.ClientSecret => new ClientSecretCredential(o.TenantId, o.ClientId, o.ClientSecret),
        GraphCredentialType.Certificate => new ClientCertificateCredential(o.TenantId, o.ClientId,
            System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadPkcs12FromFile(o.CertificatePath!, o.CertificatePassword)),
        GraphCredentialType.ManagedIdentity => string.IsNullOrWhiteSpace(o.ManagedIdentityClientId)
            ? new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned)
            : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(o.ManagedIdentityClientId)),
        GraphCredentialType.WorkloadIdentity => new WorkloadIdentityCredential(new WorkloadIdentityCredentialOptions
        {
            TenantId = o.TenantId,
            ClientId = o.ClientId,
        }),
        _ => throw new InvalidOperationException($"Unknown Graph:Credential '{o.Credential}'."),
    };
}
