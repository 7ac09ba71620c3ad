using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;

namespace TapBot.Graph;

/// <summary>
/// Gives requests to the simulated tenant a bearer token, as Graph requires one. Azure.Identity's provider would
/// send none: it only authorizes Graph's own hosts.
/// </summary>
internal sealed class SimulatedTenantAuthenticationProvider : IAuthenticationProvider
{
    public Task AuthenticateRequestAsync(RequestInformation request, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default)
    {
        request.Headers.TryAdd("Authorization", "Bearer simulated-tenant");
        return Task.CompletedTask;
    }
}
