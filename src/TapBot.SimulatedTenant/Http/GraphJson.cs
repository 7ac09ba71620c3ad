using System.Globalization;
using System.Text.Json.Nodes;
using TapBot.SimulatedTenant.Tenant;

namespace TapBot.SimulatedTenant.Http;

/// <summary>Graph's JSON shapes for the emulator's objects.</summary>
internal static class GraphJson
{
    /// <summary>What GET /users returns without $select.</summary>
    public static readonly string[] DefaultUserProperties =
    [
        "businessPhones", "displayName", "givenName", "jobTitle", "mail", "mobilePhone", "officeLocation",
        "preferredLanguage", "surname", "userPrincipalName", "id",
    ];

    /// <summary>Every user property the emulator knows; $select of anything else is a 400, as in Graph.</summary>
    public static readonly IReadOnlySet<string> UserProperties = new HashSet<string>(
        DefaultUserProperties.Concat(["userType", "accountEnabled", "employeeHireDate", "createdDateTime"]),
        StringComparer.OrdinalIgnoreCase);

    public static readonly IReadOnlySet<string> FilterableUserProperties = new HashSet<string>(
        ["id", "userPrincipalName", "mail", "displayName", "givenName", "surname", "userType", "accountEnabled", "jobTitle"],
        StringComparer.OrdinalIgnoreCase);

    public static string[] Select(string? select, IReadOnlySet<string> known, string[] defaults, string type)
    {
        if (string.IsNullOrWhiteSpace(select)) return defaults;
        var wanted = select.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var p in wanted)
        {
            if (!known.Contains(p))
            {
                throw new GraphErrorException(400, "Request_BadRequest", $"Could not find a property named '{p}' on type '{type}'.");
            }
        }

        return wanted.Select(p => known.First(k => string.Equals(k, p, StringComparison.OrdinalIgnoreCase))).ToArray();
    }

    public static JsonObject UserAll(SeedUser u) => new()
    {
        ["id"] = u.Id,
        ["businessPhones"] = new JsonArray(),
        ["displayName"] = u.DisplayName,
        ["givenName"] = u.GivenName,
        ["jobTitle"] = u.JobTitle,
        ["mail"] = u.Mail,
        ["mobilePhone"] = null,
        ["officeLocation"] = null,
        ["preferredLanguage"] = null,
        ["surname"] = u.Surname,
        ["userPrincipalName"] = u.UserPrincipalName,
        ["userType"] = u.UserType,
        ["accountEnabled"] = u.AccountEnabled,
        ["employeeHireDate"] = u.EmployeeHireDate is { } d ? Date(d) : null,
        ["createdDateTime"] = null,
    };

    public static JsonObject User(SeedUser u, string[] properties, bool withType = false)
    {
        var all = UserAll(u);
        var o = new JsonObject();
        if (withType) o["@odata.type"] = "#microsoft.graph.user";
        foreach (var p in properties) o[p] = all[p]?.DeepClone();
        return o;
    }

    public static readonly IReadOnlySet<string> GroupProperties = new HashSet<string>(
        ["id", "displayName", "isAssignableToRole", "securityEnabled", "mailEnabled", "groupTypes"], StringComparer.OrdinalIgnoreCase);

    /// <summary>Only the selected properties of an object (and its @odata annotations).</summary>
    public static JsonObject Only(JsonObject all, string[] properties)
    {
        var o = new JsonObject();
        foreach (var (key, value) in all)
        {
            if (key.StartsWith('@') || properties.Contains(key, StringComparer.OrdinalIgnoreCase)) o[key] = value?.DeepClone();
        }

        return o;
    }

    public static JsonObject Group(SeedGroup g) => new()
    {
        ["@odata.type"] = "#microsoft.graph.group",
        ["id"] = g.Id,
        ["displayName"] = g.DisplayName,
        ["isAssignableToRole"] = g.IsAssignableToRole,
        ["securityEnabled"] = true,
        ["mailEnabled"] = false,
        ["groupTypes"] = new JsonArray(),
    };

    public static JsonObject DirectoryRole(TenantState state, string templateId) => new()
    {
        ["@odata.type"] = "#microsoft.graph.directoryRole",
        ["id"] = state.DirectoryRoleId(templateId),
        ["displayName"] = RoleNames.TryGetValue(templateId, out var name) ? name : "Directory role",
        ["description"] = null,
        ["roleTemplateId"] = templateId,
    };

    /// <summary>
    /// A member object of a type the app may not read, as Graph lists it in a directoryObject collection: the type and
    /// the id, every other property null (graph-contract.md §3.8; the docs' example lists a device that way).
    /// </summary>
    public static JsonObject Limited(JsonObject full)
    {
        var o = new JsonObject();
        foreach (var (key, value) in full)
        {
            o[key] = key is "@odata.type" or "id" ? value?.DeepClone() : null;
        }

        return o;
    }

    public static JsonObject RoleAssignment(SeedRoleAssignment a) => new()
    {
        ["id"] = a.Id,
        ["principalId"] = a.PrincipalId,
        ["roleDefinitionId"] = a.RoleDefinitionId,
        ["directoryScopeId"] = a.DirectoryScopeId,
        ["appScopeId"] = null,
    };

    public static JsonObject RoleEligibility(SeedRoleEligibility e) => new()
    {
        ["id"] = e.Id,
        ["principalId"] = e.PrincipalId,
        ["roleDefinitionId"] = e.RoleDefinitionId,
        ["directoryScopeId"] = e.DirectoryScopeId,
        ["appScopeId"] = e.AppScopeId,
        ["startDateTime"] = e.StartDateTime is { } s ? Date(s) : null,
        ["endDateTime"] = e.EndDateTime is { } end ? Date(end) : null,
        ["memberType"] = e.MemberType,
        ["roleEligibilityScheduleId"] = e.RoleEligibilityScheduleId,
    };

    public static JsonObject Pass(PassView p, bool withType) 
    {
        var o = new JsonObject();
        if (withType) o["@odata.type"] = "#microsoft.graph.temporaryAccessPassAuthenticationMethod";
        o["id"] = p.Id;
        o["temporaryAccessPass"] = p.Code;
        o["createdDateTime"] = Date(p.Created);
        o["startDateTime"] = Date(p.Start);
        o["lifetimeInMinutes"] = p.LifetimeInMinutes;
        o["isUsableOnce"] = p.IsUsableOnce;
        o["isUsable"] = p.IsUsable;
        o["methodUsabilityReason"] = p.Reason;
        return o;
    }

    public static JsonObject Policy(SeedTapPolicy p, string baseUrl) => new()
    {
        ["@odata.context"] = $"{baseUrl}/$metadata#authenticationMethodConfigurations/$entity",
        ["@odata.type"] = "#microsoft.graph.temporaryAccessPassAuthenticationMethodConfiguration",
        ["id"] = "TemporaryAccessPass",
        ["state"] = p.State,
        ["defaultLifetimeInMinutes"] = p.DefaultLifetimeInMinutes,
        ["defaultLength"] = p.DefaultLength,
        ["minimumLifetimeInMinutes"] = p.MinimumLifetimeInMinutes,
        ["maximumLifetimeInMinutes"] = p.MaximumLifetimeInMinutes,
        ["isUsableOnce"] = p.IsUsableOnce,
        ["includeTargets"] = new JsonArray(p.IncludeTargets.Select(t => (JsonNode)new JsonObject
        {
            ["targetType"] = t.TargetType, ["id"] = t.Id, ["isRegistrationRequired"] = t.IsRegistrationRequired ?? false,
        }).ToArray()),
        ["excludeTargets"] = new JsonArray(p.ExcludeTargets.Select(t => (JsonNode)new JsonObject
        {
            ["targetType"] = t.TargetType, ["id"] = t.Id,
        }).ToArray()),
    };

    public static JsonObject Collection(string context, IEnumerable<JsonNode> items, int? count = null)
    {
        var o = new JsonObject { ["@odata.context"] = context };
        if (count is { } c) o["@odata.count"] = c;
        o["value"] = new JsonArray(items.ToArray());
        return o;
    }

    /// <summary>Graph writes UTC instants with a Z and up to seven fractional digits.</summary>
    public static string Date(DateTimeOffset d) =>
        d.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    public static readonly IReadOnlyDictionary<string, string> RoleNames = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["62e90394-69f5-4237-9190-012177145e10"] = "Global Administrator",
        ["7be44c8a-adaf-4e2a-84d6-ab2649e08a13"] = "Privileged Authentication Administrator",
        ["c4e39bd9-1100-46d3-8c65-fb160da0071f"] = "Authentication Administrator",
        ["0526716b-113d-4c15-b2c8-68e3c22b9f80"] = "Authentication Policy Administrator",
        ["e8611ab8-c189-46e8-94e1-60213ab1f814"] = "Privileged Role Administrator",
        ["f2ef992c-3afb-46b9-b7cf-a126ee74c451"] = "Global Reader",
        ["729827e3-9c14-49f7-bb1b-9608f156bbb8"] = "Helpdesk Administrator",
        ["966707d0-3269-4727-9be2-8c3a10f19b9d"] = "Password Administrator",
        ["fe930be7-5e62-47db-91af-98c3a49a38b1"] = "User Administrator",
        ["194ae4cb-b126-40b2-bd5b-6091b380977d"] = "Security Administrator",
        ["fdd7a751-b60b-444a-984c-02652fe8fa1c"] = "Groups Administrator",
        ["88d8e3e3-8f55-4a1e-953a-9b9898b8876b"] = "Directory Readers",
    };
}
