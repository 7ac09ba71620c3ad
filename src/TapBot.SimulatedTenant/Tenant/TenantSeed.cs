using System.Text.Json;
using System.Text.Json.Serialization;

namespace TapBot.SimulatedTenant.Tenant;

/// <summary>
/// A simulated tenant as one JSON document, in Graph's own shapes and property names (see README, "Seed file").
/// </summary>
public sealed class TenantSeed
{
    public string TenantId { get; set; } = "";

    /// <summary>Optional display name of the organization.</summary>
    public string? DisplayName { get; set; }

    public List<SeedUser> Users { get; set; } = [];

    public List<SeedGroup> Groups { get; set; } = [];

    /// <summary>Active role assignments (unifiedRoleAssignment): tenant-wide or scoped, built-in or custom roles.</summary>
    public List<SeedRoleAssignment> RoleAssignments { get; set; } = [];

    /// <summary>
    /// PIM-eligible role assignments (unifiedRoleEligibilityScheduleInstance). They make nobody a member of a directory
    /// role until activated, so transitiveMemberOf and checkMemberObjects never show them.
    /// </summary>
    public List<SeedRoleEligibility> RoleEligibilityScheduleInstances { get; set; } = [];

    /// <summary>
    /// Custom role definitions (unifiedRoleDefinition with <c>isBuiltIn: false</c>). A role assignment naming any other
    /// definition id is taken as a built-in role, whose definition id is its template id.
    /// </summary>
    public List<SeedRoleDefinition> RoleDefinitions { get; set; } = [];

    /// <summary>
    /// Whether the tenant holds Microsoft Entra ID P2 (or ID Governance), which PIM needs. Without it Graph answers the
    /// eligibility list with 400 <c>AadPremiumLicenseRequired</c>. Default: true.
    /// </summary>
    public bool EntraIdP2 { get; set; } = true;

    public SeedTapPolicy TemporaryAccessPassPolicy { get; set; } = new();

    /// <summary>Existing passes, keyed by user id (Graph TAP objects; the code is never seeded).</summary>
    public Dictionary<string, SeedPass> TemporaryAccessPasses { get; set; } = [];

    /// <summary>
    /// Application permissions granted to the bot's app. Null means all of them; a list lets a seed show what
    /// happens when one is missing.
    /// </summary>
    public List<string>? ApplicationPermissions { get; set; }

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static TenantSeed Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new SeedException($"Seed file '{path}' does not exist.");
        }

        TenantSeed? seed;
        try
        {
            seed = JsonSerializer.Deserialize<TenantSeed>(File.ReadAllText(path), Json);
        }
        catch (JsonException e)
        {
            throw new SeedException($"Seed file '{path}' is not valid: {e.Message}");
        }

        if (seed is null)
        {
            throw new SeedException($"Seed file '{path}' is empty.");
        }

        seed.Validate(path);
        return seed;
    }

    /// <summary>Checks the references inside the seed so a typo fails at start, not in the middle of a demo.</summary>
    public void Validate(string source)
    {
        var problems = new List<string>();
        if (!Guid.TryParse(TenantId, out _)) problems.Add("tenantId must be a GUID");

        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var upns = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var u in Users)
        {
            if (!Guid.TryParse(u.Id, out _)) problems.Add($"user '{u.UserPrincipalName}': id must be a GUID");
            if (string.IsNullOrWhiteSpace(u.UserPrincipalName)) problems.Add($"user '{u.Id}': userPrincipalName is required");
            if (string.IsNullOrWhiteSpace(u.DisplayName)) problems.Add($"user '{u.Id}': displayName is required");
            if (!ids.Add(u.Id)) problems.Add($"id '{u.Id}' is used twice");
            if (!upns.Add(u.UserPrincipalName)) problems.Add($"userPrincipalName '{u.UserPrincipalName}' is used twice");
        }

        foreach (var g in Groups)
        {
            if (!Guid.TryParse(g.Id, out _)) problems.Add($"group '{g.DisplayName}': id must be a GUID");
            if (!ids.Add(g.Id)) problems.Add($"id '{g.Id}' is used twice");
        }

        foreach (var u in Users.Where(u => u.ManagerId is not null && !Users.Any(m => m.Id == u.ManagerId)))
            problems.Add($"user '{u.UserPrincipalName}': managerId '{u.ManagerId}' is not a user");
        foreach (var g in Groups)
            foreach (var m in g.Members.Where(m => !ids.Contains(m)))
                problems.Add($"group '{g.DisplayName}': member '{m}' is neither a user nor a group");
        foreach (var a in RoleAssignments.Where(a => !ids.Contains(a.PrincipalId)))
            problems.Add($"role assignment: principalId '{a.PrincipalId}' is neither a user nor a group");
        foreach (var a in RoleAssignments.Where(a => !Guid.TryParse(a.RoleDefinitionId, out _)))
            problems.Add($"role assignment for '{a.PrincipalId}': roleDefinitionId must be a role template GUID");
        foreach (var e in RoleEligibilityScheduleInstances.Where(e => !ids.Contains(e.PrincipalId)))
            problems.Add($"role eligibility: principalId '{e.PrincipalId}' is neither a user nor a group");
        foreach (var e in RoleEligibilityScheduleInstances.Where(e => !Guid.TryParse(e.RoleDefinitionId, out _)))
            problems.Add($"role eligibility for '{e.PrincipalId}': roleDefinitionId must be a role definition GUID");
        foreach (var e in RoleEligibilityScheduleInstances.Where(e => e.MemberType is not ("Direct" or "Group" or "Inherited")))
            problems.Add($"role eligibility for '{e.PrincipalId}': memberType must be Direct, Group or Inherited");
        foreach (var d in RoleDefinitions.Where(d => !Guid.TryParse(d.Id, out _) || d.IsBuiltIn))
            problems.Add($"role definition '{d.DisplayName}': only custom roles (isBuiltIn false) with a GUID id are seeded");
        foreach (var key in TemporaryAccessPasses.Keys.Where(k => !Users.Any(u => string.Equals(u.Id, k, StringComparison.OrdinalIgnoreCase))))
            problems.Add($"temporaryAccessPasses: '{key}' is not a user id");

        var policyProblem = TemporaryAccessPassPolicy.Problem();
        if (policyProblem is not null) problems.Add("temporaryAccessPassPolicy: " + policyProblem);

        if (problems.Count > 0)
        {
            throw new SeedException($"Seed '{source}' has {problems.Count} problem(s):\n  - " + string.Join("\n  - ", problems));
        }
    }
}

public sealed class SeedUser
{
    public string Id { get; set; } = "";
    public string UserPrincipalName { get; set; } = "";
    public string? Mail { get; set; }
    public string DisplayName { get; set; } = "";
    public string? GivenName { get; set; }
    public string? Surname { get; set; }
    public string UserType { get; set; } = "Member";
    public bool AccountEnabled { get; set; } = true;
    public DateTimeOffset? EmployeeHireDate { get; set; }
    public string? JobTitle { get; set; }
    public string? ManagerId { get; set; }
}

public sealed class SeedGroup
{
    public string Id { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public bool IsAssignableToRole { get; set; }
    public List<string> Members { get; set; } = [];
}

public sealed class SeedRoleAssignment
{
    public string? Id { get; set; }
    public string PrincipalId { get; set; } = "";
    public string RoleDefinitionId { get; set; } = "";
    public string DirectoryScopeId { get; set; } = "/";
}

/// <summary>A PIM-eligible role assignment, as <c>/roleManagement/directory/roleEligibilityScheduleInstances</c> lists it.</summary>
public sealed class SeedRoleEligibility
{
    public string? Id { get; set; }
    public string PrincipalId { get; set; } = "";
    public string RoleDefinitionId { get; set; } = "";
    public string DirectoryScopeId { get; set; } = "/";
    public string? AppScopeId { get; set; }
    public DateTimeOffset? StartDateTime { get; set; }
    public DateTimeOffset? EndDateTime { get; set; }
    public string MemberType { get; set; } = "Direct";
    public string? RoleEligibilityScheduleId { get; set; }
}

/// <summary>A custom directory role (built-in roles need no definition here).</summary>
public sealed class SeedRoleDefinition
{
    public string Id { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public string? Description { get; set; }
    public bool IsBuiltIn { get; set; }
}

public sealed class SeedTapPolicy
{
    [JsonPropertyName("@odata.type")]
    public string? ODataType { get; set; }
    public string State { get; set; } = "enabled";
    public int DefaultLifetimeInMinutes { get; set; } = 60;
    public int DefaultLength { get; set; } = 8;
    public int MinimumLifetimeInMinutes { get; set; } = 60;
    public int MaximumLifetimeInMinutes { get; set; } = 480;
    public bool IsUsableOnce { get; set; }
    public List<SeedPolicyTarget> IncludeTargets { get; set; } = [new() { TargetType = "group", Id = "all_users" }];
    public List<SeedPolicyTarget> ExcludeTargets { get; set; } = [];

    /// <summary>The ranges Entra enforces on the policy itself; null when the policy is valid.</summary>
    public string? Problem()
    {
        if (State is not ("enabled" or "disabled")) return $"state must be 'enabled' or 'disabled', not '{State}'";
        if (MinimumLifetimeInMinutes is < 10 or > 43200) return "minimumLifetimeInMinutes must be 10..43200";
        if (MaximumLifetimeInMinutes is < 10 or > 43200) return "maximumLifetimeInMinutes must be 10..43200";
        if (MinimumLifetimeInMinutes > MaximumLifetimeInMinutes) return "minimumLifetimeInMinutes must not exceed maximumLifetimeInMinutes";
        if (DefaultLifetimeInMinutes < MinimumLifetimeInMinutes || DefaultLifetimeInMinutes > MaximumLifetimeInMinutes)
            return "defaultLifetimeInMinutes must lie between the minimum and the maximum";
        if (DefaultLength is < 8 or > 48) return "defaultLength must be 8..48";
        return null;
    }

    public SeedTapPolicy Clone() => new()
    {
        State = State,
        DefaultLifetimeInMinutes = DefaultLifetimeInMinutes,
        DefaultLength = DefaultLength,
        MinimumLifetimeInMinutes = MinimumLifetimeInMinutes,
        MaximumLifetimeInMinutes = MaximumLifetimeInMinutes,
        IsUsableOnce = IsUsableOnce,
        IncludeTargets = IncludeTargets.Select(t => new SeedPolicyTarget { TargetType = t.TargetType, Id = t.Id, IsRegistrationRequired = t.IsRegistrationRequired }).ToList(),
        ExcludeTargets = ExcludeTargets.Select(t => new SeedPolicyTarget { TargetType = t.TargetType, Id = t.Id }).ToList(),
    };
}

public sealed class SeedPolicyTarget
{
    public string TargetType { get; set; } = "group";
    public string Id { get; set; } = "";
    public bool? IsRegistrationRequired { get; set; }
}

public sealed class SeedPass
{
    public string? Id { get; set; }
    /// <summary>Defaults to the moment the emulator starts, so a seeded pass can be current in a demo.</summary>
    public DateTimeOffset? CreatedDateTime { get; set; }
    public DateTimeOffset? StartDateTime { get; set; }
    public int LifetimeInMinutes { get; set; } = 60;
    public bool IsUsableOnce { get; set; }

    /// <summary>Set to <c>OneTimeUsed</c> to seed a one-time pass that has already been used.</summary>
    public string? MethodUsabilityReason { get; set; }
}

public sealed class SeedException(string message) : Exception(message);
