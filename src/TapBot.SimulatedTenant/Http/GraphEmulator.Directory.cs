using System.Text.Json.Nodes;
using TapBot.SimulatedTenant.Tenant;

namespace TapBot.SimulatedTenant.Http;

/// <summary>Users, groups and memberships (graph-contract.md §3.1–3.5, §3.8).</summary>
public sealed partial class GraphEmulator
{
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
}
