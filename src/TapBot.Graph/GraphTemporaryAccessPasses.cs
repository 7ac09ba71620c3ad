using Microsoft.Graph;
using Microsoft.Graph.Models;
using TapBot.Domain.Passes;
using TapBot.Domain.Ports;

namespace TapBot.Graph;

/// <summary><see cref="ITemporaryAccessPasses"/> over Microsoft Graph.</summary>
internal sealed class GraphTemporaryAccessPasses(GraphServiceClient graph) : ITemporaryAccessPasses
{
    private const string PolicyId = "TemporaryAccessPass";

    public async Task<TemporaryAccessPass?> GetCurrentAsync(string personId, CancellationToken ct)
    {
        var page = await GraphErrors.Guard("GET temporaryAccessPassMethods", () =>
            graph.Users[personId].Authentication.TemporaryAccessPassMethods.GetAsync(cancellationToken: ct));
        var pass = page?.Value?.FirstOrDefault();
        return pass is null ? null : ToPass(pass);
    }

    public async Task<TapPolicy> GetPolicyAsync(CancellationToken ct)
    {
        var config = await GraphErrors.Guard("GET TAP policy", () =>
            graph.Policies.AuthenticationMethodsPolicy.AuthenticationMethodConfigurations[PolicyId].GetAsync(cancellationToken: ct));
        if (config is not TemporaryAccessPassAuthenticationMethodConfiguration tap)
        {
            throw new DirectoryException(DirectoryFailure.Rejected, "Graph returned the TAP policy without its @odata.type.");
        }

        return new TapPolicy(
            tap.State == AuthenticationMethodState.Enabled,
            tap.DefaultLifetimeInMinutes ?? 60,
            tap.MinimumLifetimeInMinutes ?? 60,
            tap.MaximumLifetimeInMinutes ?? 480,
            tap.DefaultLength ?? 8,
            tap.IsUsableOnce ?? false,
            tap.IncludeTargets?.Select(t => new PolicyTarget(t.TargetType?.ToString() ?? "group", t.Id ?? "")).ToList() ?? [],
            tap.ExcludeTargets?.Select(t => new PolicyTarget(t.TargetType?.ToString() ?? "group", t.Id ?? "")).ToList() ?? []);
    }

    internal static TemporaryAccessPass ToPass(TemporaryAccessPassAuthenticationMethod p)
    {
        var created = p.CreatedDateTime ?? DateTimeOffset.MinValue;
        return new TemporaryAccessPass(
            p.Id ?? "",
            created,
            p.StartDateTime ?? created,
            p.LifetimeInMinutes ?? 0,
            p.IsUsableOnce ?? false,
            p.IsUsable ?? false,
            p.MethodUsabilityReason ?? "");
    }
}
