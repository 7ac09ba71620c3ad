using System.Net;
using Microsoft.Extensions.Configuration;

namespace TapBot.Hosting;

/// <summary>Where Kestrel will listen, read from configuration before it starts.</summary>
public static class ListenAddresses
{
    /// <summary>
    /// The configured URLs: <c>urls</c> (--urls, ASPNETCORE_URLS), <c>http_ports</c>/<c>https_ports</c> (which bind every
    /// interface) and <c>Kestrel:Endpoints:*:Url</c>. ASP.NET Core's default, http://localhost:5000, when none is set.
    /// </summary>
    public static IReadOnlyList<string> From(IConfiguration configuration)
    {
        var urls = new List<string>();
        urls.AddRange(Split(configuration["urls"]));
        urls.AddRange(Split(configuration["http_ports"]).Select(p => $"http://*:{p}"));
        urls.AddRange(Split(configuration["https_ports"]).Select(p => $"https://*:{p}"));
        urls.AddRange(configuration.GetSection("Kestrel:Endpoints").GetChildren().Select(e => e["Url"]).OfType<string>());
        return urls.Count > 0 ? urls : ["http://localhost:5000"];
    }

    public static bool IsLoopback(string url)
    {
        // Kestrel's wildcards (*, +, 0.0.0.0, [::]) and any real host name bind beyond this machine.
        var host = url.Split("://", 2) is [_, var rest] ? rest : url;
        host = host.Split('/')[0];
        if (host.StartsWith('['))
        {
            host = host[..(host.IndexOf(']') + 1)];
        }
        else if (host.LastIndexOf(':') is var colon and > 0)
        {
            host = host[..colon];
        }

        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)) return true;
        return IPAddress.TryParse(host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip);
    }

    private static IEnumerable<string> Split(string? value) =>
        (value ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
