using Microsoft.Extensions.Options;
using TapBot.Domain.Passes;
using TapBot.Domain.People;
using TapBot.Domain.Ports;
using TapBot.Domain.Roles;

namespace TapBot.UnitTests;

/// <summary>An in-memory directory for unit tests of domain rules (the real one is tested against the emulator).</summary>
internal sealed class FakeDirectory : IDirectory, ITemporaryAccessPasses, IIssuancePreflight
{
    public List<Person> People { get; } = [];
    public Dictionary<string, HashSet<string>> Memberships { get; } = [];
    public Dictionary<string, TemporaryAccessPass> Passes { get; } = [];
    public int MembershipCalls { get; private set; }
    public int PersonLookups { get; private set; }
    public int Searches { get; private set; }

    public Person Add(string name, string upn, params string[] memberOf)
    {
        var p = new Person(Guid.NewGuid().ToString(), upn, upn, name, "Member", true);
        People.Add(p);
        Memberships[p.Id] = [.. memberOf];
        return p;
    }

    public Task<Person?> GetPersonAsync(string idOrUserPrincipalName, CancellationToken ct)
    {
        PersonLookups++;
        return Task.FromResult(People.FirstOrDefault(p => p.Id == idOrUserPrincipalName || p.UserPrincipalName == idOrUserPrincipalName));
    }

    public Dictionary<string, string> Managers { get; } = [];

    public Task<Person?> GetManagerAsync(string personId, CancellationToken ct) =>
        Task.FromResult(Managers.TryGetValue(personId, out var managerId) ? People.FirstOrDefault(p => p.Id == managerId) : null);

    public Task<IReadOnlyList<Person>> FindPeopleAsync(PersonQuery query, int max, CancellationToken ct)
    {
        Searches++;
        return Task.FromResult<IReadOnlyList<Person>>(People.Where(p => query.IsAddress
                ? string.Equals(p.UserPrincipalName, query.Text, StringComparison.OrdinalIgnoreCase)
                : p.DisplayName.StartsWith(query.Text, StringComparison.OrdinalIgnoreCase))
            .Take(max).ToList());
    }

    public Task<IReadOnlySet<string>> GetMembershipsAsync(string personId, IReadOnlyCollection<string> objectIds, CancellationToken ct)
    {
        MembershipCalls++;
        var held = Memberships.GetValueOrDefault(personId) ?? [];
        return Task.FromResult<IReadOnlySet<string>>(objectIds.Where(held.Contains).ToHashSet());
    }

    /// <summary>What the directory shows about a person's privilege; an ordinary user's facts when not set.</summary>
    public Dictionary<string, PrivilegeFacts> Privileges { get; } = [];

    public Task<PrivilegeFacts> GetPrivilegeFactsAsync(string personId, CancellationToken ct) =>
        Task.FromResult(Privileges.GetValueOrDefault(personId) ?? Ordinary);

    /// <summary>No groups, no roles, nothing eligible.</summary>
    public static PrivilegeFacts Ordinary { get; } = new(
        Fetched<IReadOnlyList<DirectoryMembership>>.Of([]), Fetched<HeldRoles>.Of(HeldRoles.None), Fetched<HeldRoles>.Of(HeldRoles.None));

    public static PrivilegeFacts WithActiveRole(string roleDefinitionId, string scope = "/") =>
        Ordinary with { ActiveRoles = Fetched<HeldRoles>.Of(new HeldRoles([new HeldRole(roleDefinitionId, scope)])) };

    public Task<TemporaryAccessPass?> GetCurrentAsync(string personId, CancellationToken ct) =>
        Task.FromResult(Passes.GetValueOrDefault(personId));

    public TapPolicy Policy { get; set; } = new(true, 60, 60, 480, 8, false, [new PolicyTarget("group", "all_users")], []);

    public Task<TapPolicy> GetPolicyAsync(CancellationToken ct) => Task.FromResult(Policy);

    public int Preflights { get; private set; }

    /// <summary>Parts of the next pre-flights that fail, as a Graph request inside a batch can.</summary>
    public Dictionary<string, EntraException> PreflightFailures { get; } = [];

    /// <summary>The pre-flight composed of this fake's single answers, with <see cref="PreflightFailures"/> applied; the target by id or UPN.</summary>
    public async Task<Preflight> GetAsync(string requesterId, IReadOnlyCollection<string> requesterObjectIds, string target, CancellationToken ct)
    {
        Preflights++;
        var targetId = People.FirstOrDefault(p => string.Equals(p.UserPrincipalName, target, StringComparison.OrdinalIgnoreCase))?.Id ?? target;
        var policyTargets = Policy.IncludeTargets.Concat(Policy.ExcludeTargets).Select(t => t.Id).ToList();
        return new Preflight(
            Part<IReadOnlySet<string>>(nameof(Preflight.RequesterMemberships), Memberships.GetValueOrDefault(requesterId)?.Intersect(requesterObjectIds).ToHashSet() ?? []),
            Part<Person?>(nameof(Preflight.Target), People.FirstOrDefault(p => p.Id == targetId)),
            Part(nameof(Preflight.Policy), Policy),
            Part<IReadOnlySet<string>>(nameof(Preflight.PolicyGroupMemberships), Memberships.GetValueOrDefault(targetId)?.Intersect(policyTargets).ToHashSet() ?? []),
            PreflightFailures.TryGetValue(nameof(Preflight.TargetPrivilege), out var privilegeFailure)
                ? PrivilegeFacts.Failed(privilegeFailure)
                : await GetPrivilegeFactsAsync(targetId, ct),
            Part<TemporaryAccessPass?>(nameof(Preflight.CurrentPass), await GetCurrentAsync(targetId, ct)));
    }

    private Fetched<T> Part<T>(string name, T value) =>
        PreflightFailures.TryGetValue(name, out var failure) ? Fetched<T>.Failed(failure) : Fetched<T>.Of(value);

    public Task<IssuedPass> CreateAsync(string personId, int lifetimeInMinutes, DateTimeOffset? startsAt, bool isUsableOnce, CancellationToken ct) =>
        throw new NotSupportedException();

    public Task DeleteAsync(string personId, string passId, CancellationToken ct) => throw new NotSupportedException();

    public static IOptions<RoleOptions> Roles(Action<RoleOptions>? shape = null)
    {
        var o = new RoleOptions();
        shape?.Invoke(o);
        return Options.Create(o);
    }
}

/// <summary>An audit trail that only remembers entries, for domain unit tests.</summary>
internal sealed class FakeAudit : TapBot.Domain.Ports.IAuditTrail
{
    public List<TapBot.Domain.Audit.AuditEntry> Entries { get; } = [];

    public Task<TapBot.Domain.Audit.AuditEvent> AppendAsync(TapBot.Domain.Audit.AuditEntry entry, CancellationToken ct)
    {
        Entries.Add(entry);
        return Task.FromResult(new TapBot.Domain.Audit.AuditEvent(Entries.Count, DateTimeOffset.UnixEpoch, entry.Kind, entry.ActorId,
            entry.TargetId, entry.Details, "", ""));
    }

    public Task<IReadOnlyList<TapBot.Domain.Audit.AuditEvent>> RecentAsync(string personId, int max, CancellationToken ct) => throw new NotSupportedException();

    public Task<IReadOnlyList<string>> RecentActorsAsync(IReadOnlyCollection<string> kinds, DateTimeOffset since, int max, CancellationToken ct) =>
        throw new NotSupportedException();

    public Task<TapBot.Domain.Audit.AuditHead?> HeadAsync(CancellationToken ct) => throw new NotSupportedException();

    public Task<TapBot.Domain.Audit.AuditVerification> VerifyAsync(CancellationToken ct) => throw new NotSupportedException();

    public Task<int> PurgeBeforeAsync(DateTimeOffset cutoff, CancellationToken ct) => throw new NotSupportedException();
}

/// <summary>
/// The people of the domain rule tests, added to a <see cref="FakeDirectory"/>: an approver, a privileged approver, a
/// helpdesk operator and two people without roles; <see cref="Roles"/> gives their groups those roles.
/// </summary>
internal sealed record Cast(Person Megan, Person Isaiah, Person Lynne, Person Adele, Person Alex)
{
    public static Cast In(FakeDirectory directory) => new(
        directory.Add("Megan Bowen", "megan@contoso.com", "approvers"),
        directory.Add("Isaiah Langer", "isaiah@contoso.com", "privileged"),
        directory.Add("Lynne Robbins", "lynne@contoso.com", "helpdesk"),
        directory.Add("Adele Vance", "adele@contoso.com"),
        directory.Add("Alex Wilber", "alex@contoso.com"));

    public static IOptions<RoleOptions> Roles => FakeDirectory.Roles(o =>
        (o.HelpdeskGroupIds, o.ApproverGroupIds, o.PrivilegedApproverGroupIds) = (["helpdesk"], ["approvers"], ["privileged"]));

    public static TapBot.Domain.Requester As(Person p) => new(p.Id, p.DisplayName);
}
