using System.Text.Json;
using System.Text.Json.Nodes;
using TapBot.SimulatedTenant.Tenant;

namespace TapBot.SimulatedTenant.Http;

/// <summary>
/// Routes a <see cref="GraphCall"/> to the simulated tenant and answers as Microsoft Graph v1.0 does
/// (checklist: shared/docs/graph-contract.md §7). Used for plain requests and for each step of a $batch.
/// </summary>
public sealed partial class GraphEmulator(TenantState state, EmulatorOptions options, FaultInjector faults)
{
    private static readonly string[] UserRead = ["User.Read.All", "User.ReadBasic.All", "User.ReadWrite.All", "Directory.Read.All", "Directory.ReadWrite.All"];
    private static readonly string[] GroupRead = ["GroupMember.Read.All", "Group.Read.All", "Directory.Read.All", "Directory.ReadWrite.All"];
    // checkMemberObjects and transitiveMemberOf on a user: User.Read.All is enough (graph-contract.md §3.4, §3.5).
    private static readonly string[] MemberOfRead = ["User.Read.All", "GroupMember.Read.All", "Group.Read.All", "Directory.Read.All", "Directory.ReadWrite.All"];
    // Role assignments and directoryRole objects (graph-contract.md §3.6, §3.8).
    private static readonly string[] RoleRead = ["RoleManagement.Read.Directory", "RoleManagement.Read.All", "RoleManagement.ReadWrite.Directory", "Directory.Read.All", "Directory.ReadWrite.All"];
    // PIM eligibility (graph-contract.md §3.9). Directory.Read.All is not listed for it, so it is not enough here.
    private static readonly string[] EligibilityRead = ["RoleEligibilitySchedule.Read.Directory", "RoleEligibilitySchedule.ReadWrite.Directory", "RoleManagement.Read.All", "RoleManagement.Read.Directory", "RoleManagement.ReadWrite.Directory"];
    private static readonly string[] TapRead = ["UserAuthenticationMethod.Read.All", "UserAuthenticationMethod.ReadWrite.All", "UserAuthMethod-TAP.Read.All", "UserAuthMethod-TAP.ReadWrite.All"];
    private static readonly string[] TapWrite = ["UserAuthenticationMethod.ReadWrite.All", "UserAuthMethod-TAP.ReadWrite.All"];
    private static readonly string[] PolicyRead = ["Policy.Read.All", "Policy.Read.AuthenticationMethod", "Policy.ReadWrite.AuthenticationMethod"];
    private static readonly string[] PolicyWrite = ["Policy.ReadWrite.AuthenticationMethod"];

    public TenantState State => state;

    public GraphReply Handle(GraphCall call)
    {
        try
        {
            faults.Check(call);
            return Route(call);
        }
        catch (GraphErrorException e)
        {
            return Error(e, call);
        }
    }

    public static GraphReply Error(GraphErrorException e, GraphCall call)
    {
        var clientRequestId = call.Header("client-request-id") ?? Guid.NewGuid().ToString();
        var inner = new JsonObject();
        if (e.RepeatMessageInInnerError) inner["message"] = e.Message;
        inner["date"] = DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
        inner["request-id"] = clientRequestId;
        inner["client-request-id"] = clientRequestId;
        var body = new JsonObject { ["error"] = new JsonObject { ["code"] = e.Code, ["message"] = e.Message, ["innerError"] = inner } };
        return new GraphReply(e.Status, body, e.Headers);
    }

    private GraphReply Route(GraphCall call)
    {
        var segments = call.Path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length == 0) throw NoRoute(call);

        var head = segments[0];
        if (head.StartsWith("users(", StringComparison.OrdinalIgnoreCase))
        {
            // Alternate key: /users(userPrincipalName='adele@contoso.com')
            var key = AlternateKey(head);
            return UserRoutes(call, state.GetUser(key), segments[1..]);
        }

        switch (head.ToLowerInvariant())
        {
            case "me":
                throw GraphErrorException.BadRequest("/me request is only valid with delegated authentication flow.");
            case "users" when segments.Length == 1:
                return ListUsers(call);
            case "users":
                return UserRoutes(call, state.GetUser(segments[1]), segments[2..]);
            case "groups" when segments.Length == 1 && call.Method == "GET":
                return ListGroups(call);
            case "groups" when segments.Length == 2 && call.Method == "GET":
                state.RequirePermission(GroupRead);
                return GraphReply.Ok(WithContext(GraphJson.Group(state.GetGroup(segments[1])), call, "groups/$entity"));
            case "rolemanagement" when segments.Length == 3 && segments[1].Equals("directory", StringComparison.OrdinalIgnoreCase)
                                     && segments[2].Equals("roleAssignments", StringComparison.OrdinalIgnoreCase) && call.Method == "GET":
                return ListRoleAssignments(call);
            case "rolemanagement" when segments.Length == 3 && segments[1].Equals("directory", StringComparison.OrdinalIgnoreCase)
                                     && segments[2].Equals("roleEligibilityScheduleInstances", StringComparison.OrdinalIgnoreCase) && call.Method == "GET":
                return ListRoleEligibilities(call);
            case "policies" when segments.Length == 4 && segments[1].Equals("authenticationMethodsPolicy", StringComparison.OrdinalIgnoreCase)
                               && segments[2].Equals("authenticationMethodConfigurations", StringComparison.OrdinalIgnoreCase):
                return PolicyRoutes(call, segments[3]);
            default:
                throw NoRoute(call);
        }
    }

    private GraphReply UserRoutes(GraphCall call, SeedUser user, string[] rest)
    {
        var method = call.Method;
        if (rest.Length == 0 && method == "GET")
        {
            state.RequirePermission(UserRead);
            var props = GraphJson.Select(call.Option("select"), GraphJson.UserProperties, GraphJson.DefaultUserProperties, "microsoft.graph.user");
            return GraphReply.Ok(WithContext(GraphJson.User(user, props), call, "users/$entity"));
        }

        var action = rest.Length > 0 ? rest[0].ToLowerInvariant() : "";
        switch (action)
        {
            case "manager" when rest.Length == 1 && method == "GET":
            {
                state.RequirePermission(UserRead);
                var props = GraphJson.Select(call.Option("select"), GraphJson.UserProperties, GraphJson.DefaultUserProperties, "microsoft.graph.user");
                // The SDK only builds a User from a directoryObject when @odata.type says so.
                return GraphReply.Ok(WithContext(GraphJson.User(state.GetManager(user), props, withType: true), call, "directoryObjects/$entity"));
            }
            case "checkmembergroups" when rest.Length == 1 && method == "POST":
                // A user read permission and a group read permission together (graph-contract.md §3.3).
                state.RequirePermission(UserRead);
                state.RequirePermission(GroupRead);
                return CheckMembers(call, user, "groupIds", includeRoles: false);
            case "checkmemberobjects" when rest.Length == 1 && method == "POST":
                state.RequirePermission(MemberOfRead);
                return CheckMembers(call, user, "ids", includeRoles: true);
            case "transitivememberof" when method == "GET":
                state.RequirePermission(MemberOfRead);
                return TransitiveMemberOf(call, user, rest.Length > 1 ? rest[1] : null);
            case "authentication" when rest.Length >= 2 && rest[1].Equals("temporaryAccessPassMethods", StringComparison.OrdinalIgnoreCase):
                return PassRoutes(call, user, rest.Length > 2 ? rest[2] : null, rest.Length > 3);
            default:
                throw NoRoute(call);
        }
    }

    private GraphReply ListUsers(GraphCall call)
    {
        if (call.Method != "GET") throw NoRoute(call);
        state.RequirePermission(UserRead);
        if (call.Option("search") is not null && call.Header("ConsistencyLevel") is null)
        {
            throw new GraphErrorException(400, "Request_UnsupportedQuery", "Request with $search query parameter only works through MSGraph with a special request header: 'ConsistencyLevel: eventual'");
        }

        var advanced = string.Equals(call.Header("ConsistencyLevel"), "eventual", StringComparison.OrdinalIgnoreCase);
        var count = string.Equals(call.Option("count"), "true", StringComparison.OrdinalIgnoreCase);
        IEnumerable<SeedUser> users = state.Users.OrderBy(u => u.DisplayName, StringComparer.OrdinalIgnoreCase);
        if (call.Option("filter") is { Length: > 0 } filterText)
        {
            var filter = ODataFilter.Parse(filterText, GraphJson.FilterableUserProperties);
            if (filter.UsesAdvancedQuery && !(advanced && count))
            {
                throw new GraphErrorException(400, "Request_UnsupportedQuery",
                    "Operator 'endsWith' is not supported because the required parameters might be missing. Try adding $count=true query parameter and ConsistencyLevel:eventual header.");
            }

            users = users.Where(u => filter.Matches(GraphJson.UserAll(u)));
        }

        var all = users.ToList();
        var top = ParseTop(call.Option("top"));
        var props = GraphJson.Select(call.Option("select"), GraphJson.UserProperties, GraphJson.DefaultUserProperties, "microsoft.graph.user");
        var body = GraphJson.Collection($"{call.BaseUrl}/$metadata#users", all.Take(top).Select(u => (JsonNode)GraphJson.User(u, props)),
            count && advanced ? all.Count : null);
        return GraphReply.Ok(body);
    }

    private GraphReply ListGroups(GraphCall call)
    {
        state.RequirePermission(GroupRead);
        var props = GraphJson.Select(call.Option("select"), GraphJson.GroupProperties, [.. GraphJson.GroupProperties], "microsoft.graph.group");
        var groups = state.Groups.OrderBy(g => g.DisplayName, StringComparer.OrdinalIgnoreCase).Take(ParseTop(call.Option("top")))
            .Select(g => (JsonNode)GraphJson.Only(GraphJson.Group(g), props));
        return GraphReply.Ok(GraphJson.Collection($"{call.BaseUrl}/$metadata#groups", groups));
    }

    private GraphReply CheckMembers(GraphCall call, SeedUser user, string property, bool includeRoles)
    {
        var ids = (call.Body as JsonObject)?[property] as JsonArray
                  ?? throw GraphErrorException.BadRequest($"The request body must contain '{property}'.");
        if (ids.Count > 20)
        {
            throw GraphErrorException.BadRequest($"The number of items in '{property}' exceeds the maximum of 20.");
        }

        var held = state.TransitiveGroups(user.Id).Select(g => g.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (includeRoles)
        {
            // checkMemberObjects also matches directory roles, by role object id or role template id.
            foreach (var template in state.TransitiveRoleTemplateIds(user.Id))
            {
                held.Add(template);
                held.Add(state.DirectoryRoleId(template));
            }
        }

        var wanted = ids.Select(i => i is JsonValue v && v.TryGetValue<string>(out var id) ? id : throw GraphErrorException.BadRequest($"Every item of '{property}' must be a string.")).ToList();
        var matches = wanted.Where(held.Contains).Select(i => (JsonNode)JsonValue.Create(i)!);
        return GraphReply.Ok(GraphJson.Collection($"{call.BaseUrl}/$metadata#Collection(Edm.String)", matches));
    }

    private GraphReply TransitiveMemberOf(GraphCall call, SeedUser user, string? cast)
    {
        var kind = cast?.ToLowerInvariant() switch
        {
            null => "all",
            "graph.group" or "microsoft.graph.group" => "group",
            "graph.directoryrole" or "microsoft.graph.directoryrole" => "role",
            "graph.administrativeunit" or "microsoft.graph.administrativeunit" => "au",
            _ => throw NoRoute(call),
        };
        // Member types the app may not read come back with limited information: only @odata.type and id (§3.8).
        var groupsReadable = state.HasAnyPermission(GroupRead);
        var rolesReadable = state.HasAnyPermission(RoleRead);
        var items = new List<JsonNode>();
        if (kind is "all" or "group")
            items.AddRange(state.TransitiveGroups(user.Id).Select(g => groupsReadable ? GraphJson.Group(g) : GraphJson.Limited(GraphJson.Group(g))));
        if (kind is "all" or "role")
            items.AddRange(state.TransitiveRoleTemplateIds(user.Id).Select(t => rolesReadable ? GraphJson.DirectoryRole(state, t) : GraphJson.Limited(GraphJson.DirectoryRole(state, t))));
        var count = string.Equals(call.Option("count"), "true", StringComparison.OrdinalIgnoreCase) ? items.Count : (int?)null;

        // Pages of $top (default 100, at most 999), linked by @odata.nextLink; the skip token is opaque to clients.
        var top = ParseTop(call.Option("top"));
        var skip = call.Option("skiptoken") is not { } token ? 0
            : int.TryParse(token, out var n) && n >= 0 ? n : throw GraphErrorException.BadRequest("Invalid $skiptoken.");
        var body = GraphJson.Collection($"{call.BaseUrl}/$metadata#directoryObjects", items.Skip(skip).Take(top), count);
        if (skip + top < items.Count) body["@odata.nextLink"] = $"{call.BaseUrl}/{call.Path}?$top={top}&$skiptoken={skip + top}";
        return GraphReply.Ok(body);
    }

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

    private static string AlternateKey(string head)
    {
        // users(userPrincipalName='a@b.com') with '' escaping a quote.
        const string prefix = "users(userPrincipalName='";
        if (!head.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) || !head.EndsWith("')", StringComparison.Ordinal))
        {
            throw GraphErrorException.BadRequest("Invalid alternate key.");
        }

        return head[prefix.Length..^2].Replace("''", "'");
    }

    private static JsonObject WithContext(JsonObject o, GraphCall call, string context)
    {
        var result = new JsonObject { ["@odata.context"] = $"{call.BaseUrl}/$metadata#{context}" };
        foreach (var (k, v) in o) result[k] = v?.DeepClone();
        return result;
    }

    private static GraphErrorException NoRoute(GraphCall call) => new(400, "BadRequest",
        $"Resource not found for the segment '{call.Path.Split('/').LastOrDefault()}'.");
}
