using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Policies.AuthenticationMethodsPolicy.AuthenticationMethodConfigurations.Item;
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
        return ToCurrentPass(page);
    }

    public async Task<TapPolicy> GetPolicyAsync(CancellationToken ct)
    {
        var config = await GraphErrors.Guard("GET TAP policy", () =>
            PolicyRequest(graph).GetAsync(cancellationToken: ct));
        return ToPolicy(config);
    }

    /// <summary>Where the tenant's TAP policy is read.</summary>
    internal static AuthenticationMethodConfigurationItemRequestBuilder PolicyRequest(GraphServiceClient graph) =>
        graph.Policies.AuthenticationMethodsPolicy.AuthenticationMethodConfigurations[PolicyId];

    internal static TapPolicy ToPolicy(AuthenticationMethodConfiguration? config)
    {
        if (config is not TemporaryAccessPassAuthenticationMethodConfiguration tap)
        {
            throw new EntraException(EntraFailure.Rejected, "Graph returned the TAP policy without its @odata.type.");
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

    public async Task<IssuedPass> CreateAsync(string personId, int lifetimeInMinutes, DateTimeOffset? startsAt, bool isUsableOnce, CancellationToken ct)
    {
        var created = await GraphErrors.Guard("POST temporaryAccessPassMethods", () =>
            graph.Users[personId].Authentication.TemporaryAccessPassMethods.PostAsync(new TemporaryAccessPassAuthenticationMethod
            {
                LifetimeInMinutes = lifetimeInMinutes,
                StartDateTime = startsAt,
                IsUsableOnce = isUsableOnce,
            }, cancellationToken: ct));
        if (created?.TemporaryAccessPass is not { Length: > 0 } code)
        {
            throw new EntraException(EntraFailure.Rejected, "Graph created a pass but returned no code.");
        }

        // The SDK model keeps the code; drop our reference to it as soon as it is wrapped.
        var issued = new IssuedPass(ToPass(created), new Passcode(code));
        created.TemporaryAccessPass = null;
        return issued;
    }

    public async Task DeleteAsync(string personId, string passId, CancellationToken ct)
    {
        try
        {
            await GraphErrors.Guard("DELETE temporaryAccessPassMethods", async () =>
            {
                await graph.Users[personId].Authentication.TemporaryAccessPassMethods[passId].DeleteAsync(cancellationToken: ct);
                return true;
            });
        }
        catch (EntraException e) when (GraphErrors.IsNotFound(e.InnerException))
        {
            // Already gone (replaced, deleted by an admin): the goal is reached.
        }
    }

    /// <summary>The current pass in a list of the person's passes (a person holds at most one).</summary>
    internal static TemporaryAccessPass? ToCurrentPass(TemporaryAccessPassAuthenticationMethodCollectionResponse? page) =>
        page?.Value?.FirstOrDefault() is { } pass ? ToPass(pass) : null;

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
