using Azure.Identity;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Users.Item.CheckMemberObjects;
using Microsoft.Kiota.Abstractions;
using TapBot.Domain.Diagnostics;

namespace TapBot.Graph;

/// <summary>
/// <c>doctor</c>'s Graph checks: each permission is proven by calling the endpoint that needs it, the TAP policy is
/// read and judged, and every configured role group must exist.
/// </summary>
internal sealed class GraphDiagnostics(GraphServiceClient graph, GraphOptions options) : IDirectoryDiagnostics
{
    private const string TapPolicyId = "TemporaryAccessPass";

    public async Task<IReadOnlyList<DiagnosticCheck>> RunAsync(DirectoryDiagnosticsRequest request, CancellationToken ct)
    {
        var checks = new List<DiagnosticCheck>();
        string? sampleUserId = null;
        TemporaryAccessPassAuthenticationMethodConfiguration? policy = null;

        var users = await Attempt("Read users (User.Read.All)", "User.Read.All", async () =>
        {
            var page = await graph.Users.GetAsync(r => { r.QueryParameters.Top = 1; r.QueryParameters.Select = ["id"]; }, ct);
            sampleUserId = page?.Value?.FirstOrDefault()?.Id;
            return sampleUserId is null ? "the directory answered but has no users" : "signed in; users can be read";
        });
        checks.Add(users);
        if (users.Outcome == CheckOutcome.Fail && users.Detail.StartsWith("could not sign in", StringComparison.Ordinal))
        {
            checks.Add(DiagnosticCheck.Skip("Other Graph checks", "skipped: TapBot cannot sign in to Graph"));
            return checks;
        }

        if (sampleUserId is null)
        {
            checks.Add(DiagnosticCheck.Skip("Per-user permissions", "skipped: no user to try them on"));
        }
        else
        {
            checks.Add(await Attempt("Check role membership (User.Read.All)", "User.Read.All", async () =>
            {
                await graph.Users[sampleUserId].CheckMemberObjects.PostAsCheckMemberObjectsPostResponseAsync(
                    new CheckMemberObjectsPostRequestBody { Ids = [Guid.NewGuid().ToString()] }, cancellationToken: ct);
                return "transitive group and role membership can be checked (checkMemberObjects)";
            }));
            checks.Add(await Attempt("Read passes (UserAuthenticationMethod.Read.All)", "UserAuthenticationMethod.Read.All (or UserAuthMethod-TAP.Read.All)", async () =>
            {
                await graph.Users[sampleUserId].Authentication.TemporaryAccessPassMethods.GetAsync(cancellationToken: ct);
                return "TAP status can be read";
            }));
            checks.Add(await WritePermissionAsync(sampleUserId, ct));
            checks.AddRange(await PrivilegeFactsAsync(sampleUserId, ct));
        }

        var policyRead = await Attempt("Read TAP policy (Policy.Read.All)", "Policy.Read.All", async () =>
        {
            var config = await graph.Policies.AuthenticationMethodsPolicy.AuthenticationMethodConfigurations[TapPolicyId].GetAsync(cancellationToken: ct);
            policy = config as TemporaryAccessPassAuthenticationMethodConfiguration;
            return "the tenant's TAP policy can be read";
        });
        checks.Add(policyRead);
        checks.AddRange(JudgePolicy(policy));

        foreach (var (setting, groupId) in request.RoleGroups)
        {
            checks.Add(await GroupExistsAsync(setting, groupId, ct));
        }

        return checks;
    }

    public Task PingAsync(CancellationToken ct) =>
        GraphErrors.Guard("GET TAP policy", () => graph.Policies.AuthenticationMethodsPolicy.AuthenticationMethodConfigurations[TapPolicyId].GetAsync(cancellationToken: ct));

    private static IEnumerable<DiagnosticCheck> JudgePolicy(TemporaryAccessPassAuthenticationMethodConfiguration? policy)
    {
        if (policy is null)
        {
            yield return DiagnosticCheck.Skip("TAP policy", "skipped: the policy could not be read");
            yield break;
        }

        yield return policy.State == AuthenticationMethodState.Enabled
            ? DiagnosticCheck.Pass("TAP policy enabled", $"lifetime {policy.MinimumLifetimeInMinutes}–{policy.MaximumLifetimeInMinutes} min, default {policy.DefaultLifetimeInMinutes}, one-time {(policy.IsUsableOnce == true ? "enforced" : "optional")}")
            : DiagnosticCheck.Fail("TAP policy enabled", "the Temporary Access Pass method is disabled in this tenant",
                "Entra admin center → Protection → Authentication methods → Policies → Temporary Access Pass → Enable, and target the people who may receive one.");

        var targets = policy.IncludeTargets ?? [];
        yield return targets.Count switch
        {
            0 => DiagnosticCheck.Fail("TAP policy scope", "the policy includes nobody",
                "Add the groups whose members may receive a pass under Include in the Temporary Access Pass policy."),
            _ when targets.Any(t => t.Id == "all_users") => DiagnosticCheck.Pass("TAP policy scope", "all users" + Excluded(policy)),
            _ => DiagnosticCheck.Pass("TAP policy scope", $"{targets.Count} included group(s) or user(s)" + Excluded(policy)),
        };
    }

    private static string Excluded(TemporaryAccessPassAuthenticationMethodConfiguration policy) => policy.ExcludeTargets is { Count: > 0 } ex ? $", {ex.Count} excluded" : "";

    /// <summary>
    /// The permissions the privileged-target rule needs: without them Graph hides group and role details (limited
    /// information) or refuses the role lists, and TapBot must treat everyone as privileged.
    /// </summary>
    private async Task<IReadOnlyList<DiagnosticCheck>> PrivilegeFactsAsync(string userId, CancellationToken ct)
    {
        var byPrincipal = $"principalId eq '{userId}'";
        var groups = await Attempt("Read group details (GroupMember.Read.All)", "GroupMember.Read.All", async () =>
        {
            await graph.Groups.GetAsync(r => { r.QueryParameters.Top = 1; r.QueryParameters.Select = ["id", "isAssignableToRole"]; }, ct);
            return "role-assignable groups can be recognised in a person's memberships";
        }, why: "without it Graph lists a person's groups with limited information, so TapBot cannot tell role-assignable groups apart and treats everyone as privileged");
        var roles = await Attempt("Read directory roles (RoleManagement.Read.Directory)", "RoleManagement.Read.Directory", async () =>
        {
            await graph.RoleManagement.Directory.RoleAssignments.GetAsync(r => r.QueryParameters.Filter = byPrincipal, ct);
            return "active role assignments (any scope, custom roles) and directory roles can be read";
        }, why: "without it TapBot cannot see who holds an administrator role and treats everyone as privileged");
        var eligibility = await Attempt("Read PIM eligibility (RoleManagement.Read.Directory)", "RoleManagement.Read.Directory", async () =>
        {
            try
            {
                await graph.RoleManagement.Directory.RoleEligibilityScheduleInstances.GetAsync(r => r.QueryParameters.Filter = byPrincipal, ct);
                return "roles people are eligible for in Privileged Identity Management can be read";
            }
            catch (Microsoft.Graph.Models.ODataErrors.ODataError e) when (e.Error?.Code == "AadPremiumLicenseRequired")
            {
                return "this tenant has no Entra ID P2 or ID Governance license, so nobody can be eligible for a role";
            }
        }, why: "without it TapBot cannot see who is eligible for an administrator role and treats everyone as privileged");
        return [groups, roles, eligibility];
    }

    /// <summary>
    /// Proves write access without changing anything: deleting a pass id that does not exist answers 404 when the
    /// app may write passes and 403 when it may not (authorization comes before the lookup).
    /// </summary>
    private Task<DiagnosticCheck> WritePermissionAsync(string userId, CancellationToken ct) =>
        Attempt("Issue and revoke passes (UserAuthenticationMethod.ReadWrite.All)", "UserAuthenticationMethod.ReadWrite.All (or UserAuthMethod-TAP.ReadWrite.All)", async () =>
        {
            try
            {
                await graph.Users[userId].Authentication.TemporaryAccessPassMethods[Guid.NewGuid().ToString()].DeleteAsync(cancellationToken: ct);
            }
            catch (ApiException e) when (e.ResponseStatusCode == 404)
            {
                // Authorized; there was simply no such pass. Nothing was deleted.
            }

            return "passes can be created and deleted (checked by deleting a pass that does not exist)";
        });

    private Task<DiagnosticCheck> GroupExistsAsync(string setting, string groupId, CancellationToken ct) =>
        Attempt($"Group {groupId} ({setting})", "GroupMember.Read.All", async () =>
        {
            try
            {
                var group = await graph.Groups[groupId].GetAsync(r => r.QueryParameters.Select = ["id", "displayName"], ct);
                return $"exists: {group?.DisplayName}";
            }
            catch (ApiException e) when (e.ResponseStatusCode == 404)
            {
                throw new GroupMissingException();
            }
        }, missingFix: $"No group {groupId} exists in this tenant. Fix {setting}: copy the group's Object ID from Entra admin center → Groups.");

    private async Task<DiagnosticCheck> Attempt(string name, string permission, Func<Task<string>> call, string? missingFix = null, string? why = null)
    {
        try
        {
            return DiagnosticCheck.Pass(name, await call());
        }
        catch (GroupMissingException)
        {
            return DiagnosticCheck.Fail(name, "not found", missingFix!);
        }
        catch (AuthenticationFailedException e)
        {
            return DiagnosticCheck.Fail(name, "could not sign in to Microsoft Graph: " + FirstLine(e.Message), SignInFix());
        }
        catch (ApiException e) when (e.ResponseStatusCode == 401)
        {
            return DiagnosticCheck.Fail(name, "could not sign in to Microsoft Graph (401)", SignInFix());
        }
        catch (ApiException e) when (e.ResponseStatusCode == 403)
        {
            return DiagnosticCheck.Fail(name, $"Graph answered 403: the application permission {permission} is missing" + (why is null ? "" : $"; {why}"),
                $"Entra admin center → App registrations → {options.ClientId ?? "TapBot's app"} → API permissions → add the Microsoft Graph application permission {permission}, then Grant admin consent.");
        }
        catch (Exception e) when (e is ApiException or HttpRequestException or AggregateException or TaskCanceledException)
        {
            return DiagnosticCheck.Fail(name, "Graph did not answer: " + FirstLine(e.Message),
                $"Check that {options.BaseUrl ?? GraphOptions.LiveBaseUrl} is reachable from this host (proxy, firewall, DNS).");
        }
    }

    private string SignInFix() => options.EffectiveMode == GraphMode.Simulated
        ? "The simulated tenant refused the token; check Graph:BaseUrl."
        : $"Check Graph:TenantId, Graph:ClientId and the {options.Credential} credential (for ClientSecret: is Graph__ClientSecret set and unexpired?).";

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();

    private sealed class GroupMissingException : Exception;
}
