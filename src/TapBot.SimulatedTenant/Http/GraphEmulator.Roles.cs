using System.Text.Json.Nodes;
using TapBot.SimulatedTenant.Tenant;

namespace TapBot.SimulatedTenant.Http;

/// <summary>Active role assignments and PIM eligibility (graph-contract.md §3.6, §3.9).</summary>
public sealed partial class GraphEmulator
{
    private GraphReply ListRoleAssignments(GraphCall call)
    {
        state.RequirePermission(RoleRead);
        IEnumerable<SeedRoleAssignment> items = state.RoleAssignments;
        if (call.Option("filter") is { Length: > 0 } filterText)
        {
            var filter = ODataFilter.Parse(filterText, new HashSet<string>(["principalId", "roleDefinitionId", "directoryScopeId", "id"], StringComparer.OrdinalIgnoreCase));
            items = items.Where(a => filter.Matches(GraphJson.RoleAssignment(a)));
        }

        return GraphReply.Ok(GraphJson.Collection($"{call.BaseUrl}/$metadata#roleManagement/directory/roleAssignments",
            items.Select(a => (JsonNode)GraphJson.RoleAssignment(a))));
    }

    /// <summary>
    /// PIM-eligible assignments. A tenant without Entra ID P2 gets Graph's license error (a real capture,
    /// graph-contract.md §3.9); only principalId, roleDefinitionId and memberType filter, as documented.
    /// </summary>
    private GraphReply ListRoleEligibilities(GraphCall call)
    {
        state.RequirePermission(EligibilityRead);
        if (!state.EntraIdP2)
        {
            throw new GraphErrorException(400, "AadPremiumLicenseRequired",
                "The tenant needs to have Microsoft Entra ID P2 or Microsoft Entra ID Governance license.");
        }

        IEnumerable<SeedRoleEligibility> items = state.RoleEligibilities;
        if (call.Option("filter") is { Length: > 0 } filterText)
        {
            var filter = ODataFilter.Parse(filterText, new HashSet<string>(["principalId", "roleDefinitionId", "memberType"], StringComparer.OrdinalIgnoreCase));
            items = items.Where(e => filter.Matches(GraphJson.RoleEligibility(e)));
        }

        return GraphReply.Ok(GraphJson.Collection($"{call.BaseUrl}/$metadata#roleManagement/directory/roleEligibilityScheduleInstances",
            items.Select(e => (JsonNode)GraphJson.RoleEligibility(e))));
    }
}
