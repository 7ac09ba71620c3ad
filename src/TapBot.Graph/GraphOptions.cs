using TapBot.Domain.Configuration;

namespace TapBot.Graph;

public enum GraphMode
{
    /// <summary>The built-in simulated tenant (no Azure needed).</summary>
    Simulated,

    /// <summary>A real Entra tenant through graph.microsoft.com.</summary>
    Live,
}

public enum GraphCredentialType
{
    ClientSecret,
    Certificate,
    ManagedIdentity,
    WorkloadIdentity,
}

/// <summary>How TapBot reaches Microsoft Graph. Bound from the <c>Graph</c> section.</summary>
public sealed class GraphOptions : ICheckedOptions
{
    public const string Section = "Graph";
    public const string LiveBaseUrl = "https://graph.microsoft.com/v1.0";

    /// <value>Simulated or Live. Default: Live when TenantId and ClientId are set, otherwise Simulated.</value>
    public GraphMode? Mode { get; set; }

    /// <value>
    /// Graph base URL ending in the version segment (the SDK's $batch needs <c>/v1.0</c> right after the host).
    /// Default: https://graph.microsoft.com/v1.0 when Live; the embedded simulated tenant when Simulated.
    /// </value>
    public string? BaseUrl { get; set; }

    /// <value>Entra tenant id (Live).</value>
    public string? TenantId { get; set; }

    /// <value>Application (client) id of TapBot's app registration (Live).</value>
    public string? ClientId { get; set; }

    /// <value>How to get tokens when Live. Default ClientSecret.</value>
    public GraphCredentialType Credential { get; set; } = GraphCredentialType.ClientSecret;

    /// <value>Secret. Client secret for <c>ClientSecret</c>; environment variable or user-secrets only.</value>
    public string? ClientSecret { get; set; }

    /// <value>PFX/PEM file with the app's certificate for <c>Certificate</c>.</value>
    public string? CertificatePath { get; set; }

    /// <value>Secret. Password of the PFX file, if any.</value>
    public string? CertificatePassword { get; set; }

    /// <value>Client id of a user-assigned managed identity; empty for the system-assigned one.</value>
    public string? ManagedIdentityClientId { get; set; }

    /// <value>How many times the SDK retries 429/503/504 before giving up. Default 3 (the SDK's own).</value>
    public int MaxRetries { get; set; } = 3;

    /// <value>Seconds before a Graph call is abandoned. Default 30.</value>
    public int TimeoutSeconds { get; set; } = 30;

    public GraphMode EffectiveMode =>
        Mode ?? (!string.IsNullOrWhiteSpace(TenantId) && !string.IsNullOrWhiteSpace(ClientId) ? GraphMode.Live : GraphMode.Simulated);

    /// <summary>Problems that stop TapBot from starting, each naming the setting to fix.</summary>
    public IEnumerable<string> Problems()
    {
        if (MaxRetries is < 0 or > 10) yield return "Graph:MaxRetries must be 0..10.";
        if (TimeoutSeconds is < 1 or > 300) yield return "Graph:TimeoutSeconds must be 1..300.";
        if (BaseUrl is { Length: > 0 } url && !(Uri.TryCreate(url, UriKind.Absolute, out var u) && u.AbsolutePath.TrimEnd('/') is "/v1.0" or "/beta"))
        {
            yield return $"Graph:BaseUrl must be an absolute URL ending in /v1.0 (or /beta) right after the host; got '{url}'.";
        }

        if (EffectiveMode == GraphMode.Simulated) yield break;

        if (!Guid.TryParse(TenantId, out _)) yield return "Graph:TenantId must be the tenant's GUID when Graph:Mode is Live.";
        if (!Guid.TryParse(ClientId, out _)) yield return "Graph:ClientId must be the app registration's GUID when Graph:Mode is Live.";
        switch (Credential)
        {
            case GraphCredentialType.ClientSecret when string.IsNullOrWhiteSpace(ClientSecret):
                yield return "Graph:ClientSecret is required when Graph:Credential is ClientSecret (set it as the environment variable Graph__ClientSecret or with user-secrets, never in appsettings.json).";
                break;
            case GraphCredentialType.Certificate when string.IsNullOrWhiteSpace(CertificatePath):
                yield return "Graph:CertificatePath is required when Graph:Credential is Certificate.";
                break;
            case GraphCredentialType.Certificate when !File.Exists(CertificatePath):
                yield return $"Graph:CertificatePath '{CertificatePath}' does not exist.";
                break;
        }
    }
}
