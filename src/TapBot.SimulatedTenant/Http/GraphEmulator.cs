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

    private static int ParseTop(string? top)
    {
        if (top is null) return 100;
        return int.TryParse(top, out var n) && n is >= 1 and <= 999
            ? n
            : throw new GraphErrorException(400, "Request_BadRequest", "Invalid page size specified: '" + top + "'. Must be between 1 and 999 inclusive.");
    }

    private static int? ReadInt(JsonObject body, string name)
    {
        if (body[name] is not JsonValue v) return null;
        return v.TryGetValue<int>(out var n) ? n : throw GraphErrorException.BadRequest($"Invalid value for '{name}'.");
    }

    private static bool? ReadBool(JsonObject body, string name)
    {
        if (body[name] is not JsonValue v) return null;
        return v.TryGetValue<bool>(out var b) ? b : throw GraphErrorException.BadRequest($"Invalid value for '{name}'.");
    }

    private static DateTimeOffset? ReadDate(JsonObject body, string name)
    {
        if (body[name] is not JsonValue v) return null;
        return v.TryGetValue<string>(out var s) && DateTimeOffset.TryParse(s, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var d)
            ? d
            : throw GraphErrorException.BadRequest($"Invalid value for '{name}'.");
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
