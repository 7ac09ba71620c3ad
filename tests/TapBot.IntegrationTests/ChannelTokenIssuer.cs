using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace TapBot.IntegrationTests;

/// <summary>
/// A stand-in for the Bot Framework channel's token service: RSA signing keys published in an OpenID metadata
/// document and a JWKS (with the channels each key is endorsed for, as login.botframework.com does), and tokens signed
/// with them. Served over HTTPS because the SDK's metadata retriever refuses http; the SDK fetches it with its own
/// HttpClient, so the test's self-signed certificate is trusted in the current user's root store while this runs
/// (.NET on Linux reads that store on every validation) and removed again on disposal. It expires within the hour.
/// </summary>
public sealed class ChannelTokenIssuer : IAsyncDisposable
{
    public const string Issuer = "https://api.botframework.test";
    public const string TeamsKeyId = "teams-key";
    public const string WebChatKeyId = "webchat-key";
    public const string UnendorsedKeyId = "unendorsed-key";

    private readonly WebApplication _app;
    private readonly X509Certificate2 _tls;
    private readonly X509Certificate2 _trusted;
    private readonly Dictionary<string, RSA> _keys;

    private ChannelTokenIssuer(WebApplication app, X509Certificate2 tls, X509Certificate2 trusted, Dictionary<string, RSA> keys, string baseUrl)
    {
        _app = app;
        _tls = tls;
        _trusted = trusted;
        _keys = keys;
        MetadataUrl = baseUrl + "/v1/.well-known/openidconfiguration";
    }

    public string MetadataUrl { get; }

    public static async Task<ChannelTokenIssuer> StartAsync()
    {
        var keys = new Dictionary<string, RSA> { [TeamsKeyId] = RSA.Create(2048), [WebChatKeyId] = RSA.Create(2048), [UnendorsedKeyId] = RSA.Create(2048) };
        var tls = SelfSignedLoopbackCertificate(); // Kestrel uses it until disposal
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(tls)));
        var app = builder.Build();
        var trusted = X509CertificateLoader.LoadCertificate(tls.RawData);
        using (var root = new X509Store(StoreName.Root, StoreLocation.CurrentUser))
        {
            root.Open(OpenFlags.ReadWrite);
            root.Add(trusted);
        }

        app.MapGet("/v1/.well-known/openidconfiguration", (HttpRequest request) => Results.Json(new
        {
            issuer = Issuer,
            jwks_uri = $"{request.Scheme}://{request.Host}/v1/.well-known/keys",
            id_token_signing_alg_values_supported = new[] { "RS256" },
        }));
        app.MapGet("/v1/.well-known/keys", () => Results.Json(new
        {
            keys = new[]
            {
                Jwk(TeamsKeyId, keys[TeamsKeyId], ["msteams"]),
                Jwk(WebChatKeyId, keys[WebChatKeyId], ["webchat"]),
                Jwk(UnendorsedKeyId, keys[UnendorsedKeyId], null),
            },
        }));
        await app.StartAsync();
        var baseUrl = app.Urls.First().TrimEnd('/');
        return new ChannelTokenIssuer(app, tls, trusted, keys, baseUrl);
    }

    /// <summary>
    /// A token as the channel issues it for a bot (aud = the bot's app id, serviceurl = where replies go), signed with
    /// the Teams-endorsed key unless the test changes something.
    /// </summary>
    public string Token(string audience, string serviceUrl, Action<JsonObject>? claims = null, string keyId = TeamsKeyId, RSA? signWith = null)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var payload = new JsonObject
        {
            ["iss"] = Issuer, ["aud"] = audience, ["serviceurl"] = serviceUrl, ["nbf"] = now - 60, ["iat"] = now - 60, ["exp"] = now + 3600,
        };
        claims?.Invoke(payload);
        var header = new JsonObject { ["alg"] = "RS256", ["typ"] = "JWT", ["kid"] = keyId };
        var unsigned = Base64Url(header.ToJsonString()) + "." + Base64Url(payload.ToJsonString());
        var signature = (signWith ?? _keys[keyId]).SignData(Encoding.ASCII.GetBytes(unsigned), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return unsigned + "." + Base64Url(signature);
    }

    /// <summary>The same claims with <c>alg: none</c> and no signature.</summary>
    public static string Unsigned(string signedToken)
    {
        var payload = signedToken.Split('.')[1];
        return Base64Url("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + payload + ".";
    }

    private static JsonObject Jwk(string keyId, RSA key, string[]? endorsements)
    {
        var parameters = key.ExportParameters(false);
        var jwk = new JsonObject { ["kty"] = "RSA", ["use"] = "sig", ["kid"] = keyId, ["n"] = Base64Url(parameters.Modulus!), ["e"] = Base64Url(parameters.Exponent!) };
        if (endorsements is not null) jwk["endorsements"] = new JsonArray(endorsements.Select(e => (JsonNode)e).ToArray());
        return jwk;
    }

    private static X509Certificate2 SelfSignedLoopbackCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(1));
        // Through PKCS#12 so Kestrel gets a certificate whose private key it can use on every platform.
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null);
    }

    private static string Base64Url(string text) => Base64Url(Encoding.UTF8.GetBytes(text));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public async ValueTask DisposeAsync()
    {
        using (var root = new X509Store(StoreName.Root, StoreLocation.CurrentUser))
        {
            root.Open(OpenFlags.ReadWrite);
            root.Remove(_trusted);
        }

        _trusted.Dispose();
        foreach (var key in _keys.Values) key.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _tls.Dispose();
    }
}
