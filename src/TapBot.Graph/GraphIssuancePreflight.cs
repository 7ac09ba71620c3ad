using System.Text.RegularExpressions;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Users.Item.CheckMemberObjects;
using TapBot.Domain.Ports;
using Person = TapBot.Domain.People.Person;

namespace TapBot.Graph;

/// <summary>
/// <see cref="IIssuancePreflight"/> as one Graph <c>$batch</c>: the requester's checkMemberObjects, the target user, the
/// TAP policy, the target's transitiveMemberOf (which shows both the target's privilege and their membership of the
/// policy's groups), the target's active and PIM-eligible role assignments, the target's passes, and whoever else the
/// caller names (people by object id, the target's manager). Each answer is read and mapped exactly as the single call
/// would be.
/// </summary>
/// <remarks>
/// Costs more than one round trip only when the physics demands it: a target named by UPN whose object id is not yet
/// known (<see cref="IdentityHints"/>) needs their role assignments read after the batch, since Graph filters those by
/// object id only; a UPN with characters a batch step URL cannot carry is read on its own first; and a target in more
/// than 999 groups and roles has the further pages of transitiveMemberOf read after it.
/// </remarks>
internal sealed partial class GraphIssuancePreflight(GraphServiceClient graph, GraphOptions options, IdentityHints hints) : IIssuancePreflight
{
    private const string TargetUser = "user";
    private const string Policy = "policy";
    private const string TargetPasses = "passes";
    private const string Manager = "manager";
    private const string PersonPrefix = "person";

    private readonly GraphBatch _batch = new(graph, options);

    public Task<Preflight> GetAsync(string requesterId, IReadOnlyCollection<string> requesterObjectIds, string targetId, CancellationToken ct)
    {
        GraphBatch.RequireObjectId(targetId, nameof(targetId));
        return GetAsync(new PreflightQuery(requesterId, requesterObjectIds, targetId), ct);
    }

    public async Task<Preflight> GetAsync(PreflightQuery query, CancellationToken ct)
    {
        GraphBatch.RequireObjectId(query.RequesterId, nameof(query));
        var people = query.People.Distinct(StringComparer.OrdinalIgnoreCase)
            .Where(id => !string.Equals(id, query.Target, StringComparison.OrdinalIgnoreCase)).ToList();
        foreach (var id in people) GraphBatch.RequireObjectId(id, nameof(query));

        Target target;
        try
        {
            target = await TargetAsync(query.Target, ct);
        }
        catch (EntraException e)
        {
            return Failed(e);
        }

        var requests = new Dictionary<string, GraphBatch.Request>(StringComparer.Ordinal);
        var chunks = query.RequesterObjectIds.Chunk(GraphDirectory.MaxIdsPerCheck).ToList();
        for (var i = 0; i < chunks.Count; i++)
        {
            var ids = chunks[i];
            requests["requester" + i] = new("POST checkMemberObjects", () => graph.Users[query.RequesterId].CheckMemberObjects
                .ToPostRequestInformation(new CheckMemberObjectsPostRequestBody { Ids = [.. ids] }));
        }

        requests[Policy] = new("GET TAP policy", () => GraphTemporaryAccessPasses.PolicyRequest(graph).ToGetRequestInformation());
        for (var i = 0; i < people.Count; i++)
        {
            var id = people[i];
            requests[PersonPrefix + i] = new("GET user", () => graph.Users[id].ToGetRequestInformation(r => r.QueryParameters.Select = GraphDirectory.PersonProperties));
        }

        if (target.Key is { } key)
        {
            requests[TargetUser] = new("GET user", () => graph.Users[key].ToGetRequestInformation(r => r.QueryParameters.Select = GraphDirectory.PersonProperties));
            GraphPrivilegeFacts.AddMemberOfRequest(requests, graph, key);
            if (target.KnownId is { } knownId) GraphPrivilegeFacts.AddRoleRequests(requests, graph, knownId);
            requests[TargetPasses] = new("GET temporaryAccessPassMethods", () => graph.Users[key].Authentication.TemporaryAccessPassMethods.ToGetRequestInformation());
            if (query.WithManager)
            {
                requests[Manager] = new("GET manager", () => graph.Users[key].Manager.ToGetRequestInformation(r => r.QueryParameters.Select = GraphDirectory.PersonProperties));
            }
        }

        Dictionary<string, GraphBatch.Answer> answers;
        try
        {
            answers = await _batch.SendAsync(requests, ct);
        }
        catch (EntraException e)
        {
            // The batch itself failed (unreachable, timed out, throttled beyond retries): every part carries the failure.
            return Failed(e);
        }

        var user = target.Key is null ? Fetched<Person?>.Of(null) : PersonOrNull(await GraphBatch.ReadAsync(answers[TargetUser], User.CreateFromDiscriminatorValue, ct));
        var found = user.Failure is null ? user.Value : null;
        if (found is not null && target.KnownId is null) hints.Remember(found);
        return await ComposeAsync(query, people, chunks.Count, target, user, answers, ct);
    }

    private async Task<Preflight> ComposeAsync(PreflightQuery query, List<string> people, int requesterChunks, Target target,
        Fetched<Person?> user, Dictionary<string, GraphBatch.Answer> answers, CancellationToken ct)
    {
        var memberships = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        EntraException? membershipFailure = null;
        for (var i = 0; i < requesterChunks; i++)
        {
            var chunk = await GraphBatch.ReadAsync(answers["requester" + i], CheckMemberObjectsPostResponse.CreateFromDiscriminatorValue, ct);
            membershipFailure ??= chunk.Failure;
            if (chunk.Failure is null) memberships.UnionWith(chunk.Value?.Value ?? []);
        }

        var policy = GraphBatch.Then(await GraphBatch.ReadAsync(answers[Policy], AuthenticationMethodConfiguration.CreateFromDiscriminatorValue, ct), GraphTemporaryAccessPasses.ToPolicy);
        var personById = new Dictionary<string, Fetched<Person?>>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < people.Count; i++)
        {
            personById[people[i]] = PersonOrNull(await GraphBatch.ReadAsync(answers[PersonPrefix + i], User.CreateFromDiscriminatorValue, ct));
        }

        var found = user.Failure is null ? user.Value : null;
        if (target.Key is null || found is null)
        {
            // Nobody to check: the caller answers "not in the directory" (or searches) before any other part is read.
            var none = user.Failure ?? NoSuchPerson(query.Target);
            return new Preflight(Memberships(memberships, membershipFailure), user, policy, Fetched<IReadOnlySet<string>>.Failed(none),
                Domain.Roles.PrivilegeFacts.Failed(none), Fetched<Domain.Passes.TemporaryAccessPass?>.Failed(none))
            { People = personById, Manager = query.WithManager ? Fetched<Person?>.Failed(none) : null };
        }

        EntraException? rolesFailure = null;
        if (!string.Equals(target.KnownId, found.Id, StringComparison.OrdinalIgnoreCase))
        {
            // Named by a UPN whose id was not known (or has moved): the role assignments by the id the batch found.
            rolesFailure = await ReadRolesAfterAsync(answers, found.Id, ct);
        }

        var (privilege, memberOf) = await GraphPrivilegeFacts.ReadAsync(answers, graph, target.Key, ct);
        if (rolesFailure is not null)
        {
            privilege = privilege with { ActiveRoles = Fetched<Domain.Roles.HeldRoles>.Failed(rolesFailure), EligibleRoles = Fetched<Domain.Roles.HeldRoles>.Failed(rolesFailure) };
        }

        var passes = await GraphBatch.ReadAsync(answers[TargetPasses], TemporaryAccessPassAuthenticationMethodCollectionResponse.CreateFromDiscriminatorValue, ct);
        Fetched<Person?>? manager = null;
        if (query.WithManager)
        {
            manager = PersonOrNull(await GraphBatch.ReadAsync(answers[Manager], DirectoryObject.CreateFromDiscriminatorValue, ct));
        }

        return new Preflight(
            Memberships(memberships, membershipFailure),
            user,
            policy,
            PolicyGroupMemberships(policy, memberOf, found.Id),
            privilege,
            GraphBatch.Then(passes, GraphTemporaryAccessPasses.ToCurrentPass))
        { People = personById, Manager = manager };
    }

    /// <summary>The role-assignment reads on their own; the failure of the whole batch, if it failed (its answers then stand in empty).</summary>
    private async Task<EntraException?> ReadRolesAfterAsync(Dictionary<string, GraphBatch.Answer> answers, string id, CancellationToken ct)
    {
        var requests = new Dictionary<string, GraphBatch.Request>(StringComparer.Ordinal);
        GraphPrivilegeFacts.AddRoleRequests(requests, graph, id);
        try
        {
            foreach (var (key, answer) in await _batch.SendAsync(requests, ct)) answers[key] = answer;
            return null;
        }
        catch (EntraException e)
        {
            foreach (var (key, request) in requests) answers[key] = new GraphBatch.Answer(request.Operation, 200, null, null);
            return e;
        }
    }

    /// <summary>How the target goes in the batch: by <see cref="Key"/> (object id or UPN); <see cref="KnownId"/> when their object id is known.</summary>
    private sealed record Target(string? Key, string? KnownId);

    private async Task<Target> TargetAsync(string target, CancellationToken ct)
    {
        if (Guid.TryParse(target, out _)) return new(target, target);
        if (BatchableAddress().IsMatch(target)) return new(target, hints.Find(target));

        // The SDK writes batch step URLs unescaped (BatchRequestContent.GetRelativeUrl): this UPN is read on its own,
        // escaped, and the batch asks by the object id it has.
        var user = await GraphErrors.Guard("GET user", async () =>
        {
            try
            {
                return await graph.Users[target].GetAsync(r => r.QueryParameters.Select = ["id"], ct);
            }
            catch (Microsoft.Kiota.Abstractions.ApiException e) when (e.ResponseStatusCode == 404)
            {
                return null;
            }
        });
        return user?.Id is { } id ? new(id, id) : new(null, null);
    }

    /// <summary>A UPN made only of characters a URL path carries as they are.</summary>
    [GeneratedRegex("^[A-Za-z0-9._-]+@[A-Za-z0-9.-]+$")]
    private static partial Regex BatchableAddress();

    private static EntraException NoSuchPerson(string target) =>
        new(EntraFailure.Rejected, $"There is no user {target} in the directory.");

    private static Fetched<IReadOnlySet<string>> Memberships(HashSet<string> held, EntraException? failure) =>
        failure is null ? Fetched<IReadOnlySet<string>>.Of(held) : Fetched<IReadOnlySet<string>>.Failed(failure);

    /// <summary>As GetPersonAsync: a person who does not exist is null, not an error.</summary>
    private static Fetched<Person?> PersonOrNull<T>(Fetched<T?> read) where T : DirectoryObject =>
        read.Failure is { } missing && GraphErrors.IsNotFound(missing.InnerException)
            ? Fetched<Person?>.Of(null)
            : GraphBatch.Then(read, o => o is User u ? GraphDirectory.ToPerson(u) : null);

    private static Preflight Failed(EntraException e) => new(Fetched<IReadOnlySet<string>>.Failed(e), Fetched<Person?>.Failed(e),
        Fetched<Domain.Passes.TapPolicy>.Failed(e), Fetched<IReadOnlySet<string>>.Failed(e), Domain.Roles.PrivilegeFacts.Failed(e),
        Fetched<Domain.Passes.TemporaryAccessPass?>.Failed(e));

    /// <summary>
    /// Which of the policy's targets the person's transitiveMemberOf contains. A policy that names no group needs no
    /// membership, so a failed transitiveMemberOf only matters when it does (as when this was a checkMemberObjects call
    /// of its own, made only then).
    /// </summary>
    private static Fetched<IReadOnlySet<string>> PolicyGroupMemberships(
        Fetched<Domain.Passes.TapPolicy> policy, Fetched<IReadOnlyList<DirectoryObject>> memberOf, string targetId)
    {
        if (policy.Failure is { } failure) return Fetched<IReadOnlySet<string>>.Failed(failure);
        var targetIds = policy.Value.IncludeTargets.Concat(policy.Value.ExcludeTargets).Select(t => t.Id)
            .Where(id => id != "all_users" && !string.Equals(id, targetId, StringComparison.OrdinalIgnoreCase))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (targetIds.Count == 0) return Fetched<IReadOnlySet<string>>.Of(new HashSet<string>());
        return GraphBatch.Then(memberOf, items => (IReadOnlySet<string>)items.Select(o => o.Id).OfType<string>().Where(targetIds.Contains)
            .ToHashSet(StringComparer.OrdinalIgnoreCase));
    }
}
