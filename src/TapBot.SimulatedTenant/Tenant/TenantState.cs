using System.Security.Cryptography;
using TapBot.SimulatedTenant.Http;

namespace TapBot.SimulatedTenant.Tenant;

/// <summary>
/// The live state of a simulated tenant: directory, role assignments, TAP policy and passes. All Graph rules
/// the emulator enforces live here; the HTTP layer only parses and formats. Thread-safe (one lock).
/// </summary>
public sealed class TenantState
{
    private readonly object _gate = new();
    private readonly TimeProvider _time;
    private readonly Dictionary<string, SeedUser> _usersById;
    private readonly Dictionary<string, SeedGroup> _groupsById;
    private readonly List<SeedRoleAssignment> _roleAssignments;
    private readonly List<SeedRoleEligibility> _roleEligibilities;
    private readonly HashSet<string> _customRoleIds;
    private readonly Dictionary<string, PassRecord> _passesByUserId = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string>? _permissions;
    private SeedTapPolicy _policy;

    public TenantState(TenantSeed seed, TimeProvider time)
    {
        _time = time;
        TenantId = seed.TenantId;
        DisplayName = seed.DisplayName ?? "Simulated tenant";
        _usersById = seed.Users.ToDictionary(u => u.Id, StringComparer.OrdinalIgnoreCase);
        _groupsById = seed.Groups.ToDictionary(g => g.Id, StringComparer.OrdinalIgnoreCase);
        _roleAssignments = seed.RoleAssignments
            .Select(a => new SeedRoleAssignment
            {
                Id = a.Id ?? DeterministicId("ra", a.PrincipalId + a.RoleDefinitionId + a.DirectoryScopeId),
                PrincipalId = a.PrincipalId,
                RoleDefinitionId = a.RoleDefinitionId,
                DirectoryScopeId = a.DirectoryScopeId,
            })
            .ToList();
        _roleEligibilities = seed.RoleEligibilityScheduleInstances
            .Select(e => new SeedRoleEligibility
            {
                Id = e.Id ?? DeterministicId("re", e.PrincipalId + e.RoleDefinitionId + e.DirectoryScopeId),
                PrincipalId = e.PrincipalId,
                RoleDefinitionId = e.RoleDefinitionId,
                DirectoryScopeId = e.DirectoryScopeId,
                AppScopeId = e.AppScopeId,
                StartDateTime = e.StartDateTime,
                EndDateTime = e.EndDateTime,
                MemberType = e.MemberType,
                RoleEligibilityScheduleId = e.RoleEligibilityScheduleId ?? DeterministicId("res", e.PrincipalId + e.RoleDefinitionId + e.DirectoryScopeId),
            })
            .ToList();
        _customRoleIds = seed.RoleDefinitions.Select(d => d.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
        EntraIdP2 = seed.EntraIdP2;
        _policy = seed.TemporaryAccessPassPolicy.Clone();
        _permissions = seed.ApplicationPermissions?.ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var (userId, p) in seed.TemporaryAccessPasses)
        {
            _passesByUserId[userId] = new PassRecord(
                p.Id ?? Guid.NewGuid().ToString(), p.CreatedDateTime ?? time.GetUtcNow(), p.StartDateTime ?? p.CreatedDateTime ?? time.GetUtcNow(),
                p.LifetimeInMinutes, p.IsUsableOnce) { Used = p.MethodUsabilityReason == "OneTimeUsed" };
        }
    }

    public string TenantId { get; }
    public string DisplayName { get; }
    public DateTimeOffset Now => _time.GetUtcNow();

    public IReadOnlyCollection<SeedUser> Users { get { lock (_gate) return _usersById.Values.ToList(); } }

    public IReadOnlyCollection<SeedGroup> Groups { get { lock (_gate) return _groupsById.Values.ToList(); } }

    /// <summary>Throws 403 unless the app holds one of the permissions (a seed without a list grants all).</summary>
    public void RequirePermission(params string[] anyOf)
    {
        if (_permissions is not null && !anyOf.Any(_permissions.Contains))
        {
            throw GraphErrorException.InsufficientPrivileges();
        }
    }

    public bool HasPermission(string permission) => _permissions is null || _permissions.Contains(permission);

    /// <summary>Whether the app holds any of the permissions (a seed without a list grants all).</summary>
    public bool HasAnyPermission(IEnumerable<string> anyOf) => _permissions is null || anyOf.Any(_permissions.Contains);

    /// <summary>Whether the tenant is licensed for PIM (Entra ID P2 or ID Governance).</summary>
    public bool EntraIdP2 { get; }

    /// <summary>A user by object id or UPN (case-insensitive), or 404 as Graph answers it.</summary>
    public SeedUser GetUser(string key)
    {
        lock (_gate)
        {
            if (_usersById.TryGetValue(key, out var byId)) return byId;
            return _usersById.Values.FirstOrDefault(u => string.Equals(u.UserPrincipalName, key, StringComparison.OrdinalIgnoreCase))
                ?? throw GraphErrorException.NotFound(key);
        }
    }

    public SeedGroup GetGroup(string id)
    {
        lock (_gate)
        {
            return _groupsById.TryGetValue(id, out var g) ? g : throw GraphErrorException.NotFound(id);
        }
    }

    public SeedUser GetManager(SeedUser user)
    {
        lock (_gate)
        {
            return user.ManagerId is not null && _usersById.TryGetValue(user.ManagerId, out var m)
                ? m
                : throw GraphErrorException.NotFound("manager");
        }
    }

    /// <summary>Every group the object belongs to, directly or through nested groups.</summary>
    public IReadOnlyList<SeedGroup> TransitiveGroups(string objectId)
    {
        lock (_gate)
        {
            var found = new Dictionary<string, SeedGroup>(StringComparer.OrdinalIgnoreCase);
            var frontier = new Queue<string>([objectId]);
            while (frontier.Count > 0)
            {
                var member = frontier.Dequeue();
                foreach (var g in _groupsById.Values.Where(g => g.Members.Contains(member, StringComparer.OrdinalIgnoreCase)))
                {
                    if (found.TryAdd(g.Id, g)) frontier.Enqueue(g.Id);
                }
            }

            return found.Values.ToList();
        }
    }

    /// <summary>
    /// Role template ids the user holds as a member of a directory role: active, tenant-wide assignments of built-in
    /// roles, directly or through role-assignable groups. Roles scoped to an administrative unit or an object, custom
    /// roles and PIM-eligible roles make nobody a member of a directoryRole (graph-contract.md §3.9).
    /// </summary>
    public IReadOnlyList<string> TransitiveRoleTemplateIds(string userId)
    {
        var principals = TransitiveGroups(userId).Select(g => g.Id).Append(userId).ToHashSet(StringComparer.OrdinalIgnoreCase);
        lock (_gate)
        {
            return _roleAssignments
                .Where(a => a.DirectoryScopeId == "/" && principals.Contains(a.PrincipalId) && !_customRoleIds.Contains(a.RoleDefinitionId))
                .Select(a => a.RoleDefinitionId)
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .ToList();
        }
    }

    public IReadOnlyList<SeedRoleAssignment> RoleAssignments
    {
        get { lock (_gate) return _roleAssignments.ToList(); }
    }

    public IReadOnlyList<SeedRoleEligibility> RoleEligibilities
    {
        get { lock (_gate) return _roleEligibilities.ToList(); }
    }

    /// <summary>The id of the activated directoryRole object for a template (stable per tenant).</summary>
    public string DirectoryRoleId(string templateId) => DeterministicId(TenantId, templateId);

    public SeedTapPolicy Policy
    {
        get { lock (_gate) return _policy.Clone(); }
    }

    public void ReplacePolicy(SeedTapPolicy policy)
    {
        lock (_gate) _policy = policy.Clone();
    }

    public PassView? GetPass(SeedUser user)
    {
        lock (_gate)
        {
            return _passesByUserId.TryGetValue(user.Id, out var p) ? View(user, p, code: null) : null;
        }
    }

    public void DeletePass(SeedUser user, string passId)
    {
        lock (_gate)
        {
            if (!_passesByUserId.TryGetValue(user.Id, out var p) || !string.Equals(p.Id, passId, StringComparison.OrdinalIgnoreCase))
            {
                throw GraphErrorException.NotFound(passId);
            }

            _passesByUserId.Remove(user.Id);
        }
    }

    /// <summary>Marks a one-time pass as used, as a sign-in with it would (simulator control, not Graph).</summary>
    public void UsePass(SeedUser user)
    {
        lock (_gate)
        {
            if (!_passesByUserId.TryGetValue(user.Id, out var p)) throw GraphErrorException.NotFound("temporaryAccessPass");
            if (p.IsUsableOnce) p.Used = true;
        }
    }

    /// <summary>
    /// Creates a pass with Graph's rules: external guests refused, policy state and targets enforced, lifetime
    /// within the policy's range, one pass per user (a new one replaces the old), code returned only here.
    /// </summary>
    public PassView CreatePass(SeedUser user, int? lifetimeInMinutes, DateTimeOffset? start, bool? isUsableOnce, int policyViolationStatus)
    {
        lock (_gate)
        {
            if (string.Equals(user.UserType, "Guest", StringComparison.OrdinalIgnoreCase)
                && user.UserPrincipalName.Contains("#EXT#", StringComparison.OrdinalIgnoreCase))
            {
                throw new GraphErrorException(400, "badRequest", "Temporary Access Pass cannot be added to an external guest user.")
                { RepeatMessageInInnerError = true };
            }

            if (!PolicyCovers(user))
            {
                throw new GraphErrorException(policyViolationStatus, policyViolationStatus == 403 ? "accessDenied" : "badRequest",
                    "Converged UserCredentialPolicy does not allow creating or updating this authentication method. AuthMethodType [TemporaryAccessPass].")
                { RepeatMessageInInnerError = true };
            }

            var lifetime = lifetimeInMinutes ?? _policy.DefaultLifetimeInMinutes;
            if (lifetime < _policy.MinimumLifetimeInMinutes || lifetime > _policy.MaximumLifetimeInMinutes)
            {
                throw new GraphErrorException(400, "badRequest",
                    $"Invalid LifetimeInMinutes specified. The valid range between {_policy.MinimumLifetimeInMinutes} and {_policy.MaximumLifetimeInMinutes}.")
                { RepeatMessageInInnerError = true };
            }

            // Assumption (undocumented): a policy that enforces one-time use makes every pass one-time rather
            // than rejecting a request for a reusable one.
            var once = _policy.IsUsableOnce || (isUsableOnce ?? false);
            var now = Now;
            var record = new PassRecord(Guid.NewGuid().ToString(), now, start ?? now, lifetime, once);
            _passesByUserId[user.Id] = record;
            return View(user, record, NewCode(_policy.DefaultLength));
        }
    }

    private bool PolicyCovers(SeedUser user)
    {
        if (_policy.State != "enabled") return false;
        var groups = TransitiveGroups(user.Id).Select(g => g.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
        bool Matches(SeedPolicyTarget t) =>
            t.Id == "all_users"
            || string.Equals(t.Id, user.Id, StringComparison.OrdinalIgnoreCase)
            || groups.Contains(t.Id);
        return _policy.IncludeTargets.Any(Matches) && !_policy.ExcludeTargets.Any(Matches);
    }

    private PassView View(SeedUser user, PassRecord p, string? code)
    {
        var now = Now;
        var (usable, reason) =
            !PolicyCovers(user) ? (false, "DisabledByPolicy")
            : p.Used ? (false, "OneTimeUsed")
            : now < p.Start ? (false, "NotYetValid")
            : now >= p.Start.AddMinutes(p.Lifetime) ? (false, "Expired")
            : (true, "EnabledByPolicy");
        return new PassView(p.Id, code, p.Created, p.Start, p.Lifetime, p.IsUsableOnce, usable, reason);
    }

    // Real passes mix letters, digits and symbols (docs example: "+drkzqAD"); the exact alphabet is not
    // documented. Look-alike characters are left out.
    private const string CodeAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789+#%&=";

    private static string NewCode(int length) =>
        string.Create(length, 0, (span, _) =>
        {
            for (var i = 0; i < span.Length; i++) span[i] = CodeAlphabet[RandomNumberGenerator.GetInt32(CodeAlphabet.Length)];
        });

    private static string DeterministicId(string scope, string value)
    {
        var hash = MD5.HashData(System.Text.Encoding.UTF8.GetBytes(scope + "|" + value));
        return new Guid(hash).ToString();
    }

    private sealed record PassRecord(string Id, DateTimeOffset Created, DateTimeOffset Start, int Lifetime, bool IsUsableOnce)
    {
        public bool Used { get; set; }
    }
}

/// <summary>A pass as Graph shows it; <see cref="Code"/> is set only in the create response.</summary>
public sealed record PassView(
    string Id, string? Code, DateTimeOffset Created, DateTimeOffset Start, int LifetimeInMinutes,
    bool IsUsableOnce, bool IsUsable, string Reason);
