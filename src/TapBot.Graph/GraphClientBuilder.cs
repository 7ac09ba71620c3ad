using Azure.Core;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
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

    /// <summary>A PFX (with or without password) or a PEM file holding the certificate and its private key.</summary>
    private static X509Certificate2 LoadCertificate(GraphOptions o)
    {
        var path = o.CertificatePath!;
        try
        {
            return path.EndsWith(".pem", StringComparison.OrdinalIgnoreCase)
                ? X509Certificate2.CreateFromPemFile(path)
                : X509CertificateLoader.LoadPkcs12FromFile(path, o.CertificatePassword);
        }
        catch (CryptographicException e)
        {
            // Never echo the password; the file name and the reason are enough to act on.
            throw new InvalidOperationException(
                $"Graph:CertificatePath '{path}' could not be read as a certificate with its private key ({e.Message.Split('\n')[0]}).", e);
        }
    }

    private static TokenCredential Credential(GraphOptions o) => o.Credential switch
    {
        GraphCredentialType.ClientSecret => new ClientSecretCredential(o.TenantId, o.ClientId, o.ClientSecret),
        GraphCredentialType.Certificate => new ClientCertificateCredential(o.TenantId, o.ClientId, LoadCertificate(o)),
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
