using System.Runtime.ExceptionServices;
using TapBot.Domain.Passes;
using TapBot.Domain.People;
using TapBot.Domain.Roles;

namespace TapBot.Domain.Ports;

/// <summary>
/// Everything the issue rules read about a requester and a target, fetched together rather than one question at a
/// time. Implemented over Microsoft Graph as one <c>$batch</c>.
/// </summary>
public interface IIssuancePreflight
{
    /// <param name="requesterId">The requester's object id.</param>
    /// <param name="requesterObjectIds">
    /// Groups and directory role template ids to check the requester's transitive membership of (those
    /// <see cref="Roles.RoleResolver.WantedObjectIds"/> names). Empty when the caller already knows the requester's roles:
    /// then nothing is fetched for the requester.
    /// </param>
    /// <param name="targetId">The target's object id (a GUID).</param>
    Task<Preflight> GetAsync(string requesterId, IReadOnlyCollection<string> requesterObjectIds, string targetId, CancellationToken ct);

    /// <summary>
    /// The same, and what else the caller names (other people by object id, the target's manager), in as few round
    /// trips as the directory allows. The target may be named by UPN (<see cref="PreflightQuery.Target"/>).
    /// Without an implementation of its own, only the pre-flight is fetched; the caller reads the rest itself.
    /// </summary>
    Task<Preflight> GetAsync(PreflightQuery query, CancellationToken ct) =>
        GetAsync(query.RequesterId, query.RequesterObjectIds, query.Target, ct);
}

/// <summary>What a pre-flight reads, beyond the requester and the target.</summary>
/// <param name="RequesterId">The requester's object id.</param>
/// <param name="RequesterObjectIds">As <see cref="IIssuancePreflight.GetAsync(string, IReadOnlyCollection{string}, string, CancellationToken)"/>.</param>
/// <param name="Target">
/// The target's object id, or their UPN as typed. By UPN, <see cref="Preflight.Target"/> is null when no account has
/// that UPN (it may still be someone's mail address: the caller searches then, and asks again by object id).
/// </param>
public sealed record PreflightQuery(string RequesterId, IReadOnlyCollection<string> RequesterObjectIds, string Target)
{
    /// <summary>Other people to read by object id in the same round trip (a request's requester and recipient).</summary>
    public IReadOnlyCollection<string> People { get; init; } = [];

    /// <summary>Whether to read the target's manager in the same round trip.</summary>
    public bool WithManager { get; init; }
}

/// <summary>
/// The pre-flight's answers. Every part is fetched at once, but a part that could not be read raises its
/// <see cref="EntraException"/> only when a rule reads it: the rules' order, not the fetch, decides which answer
/// a person gets, as when each part was a call of its own.
/// </summary>
/// <param name="RequesterMemberships">Which of the requested object ids the requester is a member of, transitively.</param>
/// <param name="Target">The target, or null when there is no such person.</param>
/// <param name="Policy">The tenant's TAP policy.</param>
/// <param name="PolicyGroupMemberships">
/// Which of the policy's include and exclude target ids the target is a member of, transitively.
/// </param>
/// <param name="TargetPrivilege">
/// What the directory shows that could make the target privileged (memberships, active and eligible roles); each part
/// raises its failure only when <see cref="Roles.PrivilegedTargets"/> reads it.
/// </param>
/// <param name="CurrentPass">The target's current pass, or null.</param>
public sealed record Preflight(
    Fetched<IReadOnlySet<string>> RequesterMemberships,
    Fetched<Person?> Target,
    Fetched<TapPolicy> Policy,
    Fetched<IReadOnlySet<string>> PolicyGroupMemberships,
    PrivilegeFacts TargetPrivilege,
    Fetched<TemporaryAccessPass?> CurrentPass)
{
    /// <summary>The <see cref="PreflightQuery.People"/> that were read (null: no such person); a person missing here was not read.</summary>
    public IReadOnlyDictionary<string, Fetched<Person?>> People { get; init; } = new Dictionary<string, Fetched<Person?>>();

    /// <summary>The target's manager (null value: none set), when <see cref="PreflightQuery.WithManager"/> asked and it was read.</summary>
    public Fetched<Person?>? Manager { get; init; }

    /// <summary>The person with this object id, from the pre-flight when it read them, else null.</summary>
    public Fetched<Person?>? PersonRead(string id) =>
        Target.Failure is null && Target.Value is { } t && string.Equals(t.Id, id, StringComparison.OrdinalIgnoreCase) ? Target
        : People.TryGetValue(id, out var p) ? p : null;
}

/// <summary>One part of a combined read: its value, or the failure reading it met, raised when the value is used.</summary>
public sealed class Fetched<T>
{
    private readonly T _value;
    private readonly EntraException? _failure;

    private Fetched(T value, EntraException? failure)
    {
        _value = value;
        _failure = failure;
    }

    public static Fetched<T> Of(T value) => new(value, null);

    public static Fetched<T> Failed(EntraException failure) => new(default!, failure);

    /// <summary>The failure, if reading this part failed.</summary>
    public EntraException? Failure => _failure;

    /// <exception cref="EntraException">Reading this part failed.</exception>
    public T Value
    {
        get
        {
            if (_failure is not null) ExceptionDispatchInfo.Throw(_failure);
            return _value;
        }
    }
}
