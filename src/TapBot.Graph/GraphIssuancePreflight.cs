using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Users.Item.CheckMemberObjects;
using TapBot.Domain.Ports;
using Person = TapBot.Domain.People.Person;

namespace TapBot.Graph;

/// <summary>
/// <see cref="IIssuancePreflight"/> as one Graph <c>$batch</c>: the requester's checkMemberObjects, the target user, the
/// TAP policy, the target's transitiveMemberOf (which shows both the target's privilege and their membership of the
/// policy's groups), the target's active and PIM-eligible role assignments, and the target's passes. Each answer is read
/// and mapped exactly as the single call would be. Only a target in more than 999 groups and roles costs more: the
/// further pages of transitiveMemberOf are read after it.
/// </summary>
internal sealed class GraphIssuancePreflight(GraphServiceClient graph, GraphOptions options) : IIssuancePreflight
{
    private const string TargetUser = "user";
    private const string Policy = "policy";
    private const string TargetPasses = "passes";

    private readonly GraphBatch _batch = new(graph, options);

    public async Task<Preflight> GetAsync(string requesterId, IReadOnlyCollection<string> requesterObjectIds, string targetId, CancellationToken ct)
    {
        GraphBatch.RequireObjectId(requesterId, nameof(requesterId));
        GraphBatch.RequireObjectId(targetId, nameof(targetId));

        var requests = new Dictionary<string, GraphBatch.Request>(StringComparer.Ordinal);
        var chunks = requesterObjectIds.Chunk(GraphDirectory.MaxIdsPerCheck).ToList();
        for (var i = 0; i < chunks.Count; i++)
        {
            var ids = chunks[i];
            requests["requester" + i] = new("POST checkMemberObjects", () => graph.Users[requesterId].CheckMemberObjects
                .ToPostRequestInformation(new CheckMemberObjectsPostRequestBody { Ids = [.. ids] }));
        }

        requests[TargetUser] = new("GET user", () => graph.Users[targetId].ToGetRequestInformation(r => r.QueryParameters.Select = GraphDirectory.PersonProperties));
        requests[Policy] = new("GET TAP policy", () => GraphTemporaryAccessPasses.PolicyRequest(graph).ToGetRequestInformation());
        GraphPrivilegeFacts.AddRequests(requests, graph, targetId);
        requests[TargetPasses] = new("GET temporaryAccessPassMethods", () => graph.Users[targetId].Authentication.TemporaryAccessPassMethods.ToGetRequestInformation());

        Dictionary<string, GraphBatch.Answer> answers;
        try
        {
            answers = await _batch.SendAsync(requests, ct);
        }
        catch (EntraException e)
        {
            // The batch itself failed (unreachable, timed out, throttled beyond retries): every part carries the failure.
            return new Preflight(Fetched<IReadOnlySet<string>>.Failed(e), Fetched<Person?>.Failed(e), Fetched<Domain.Passes.TapPolicy>.Failed(e),
                Fetched<IReadOnlySet<string>>.Failed(e),
                Domain.Roles.PrivilegeFacts.Failed(e),
                Fetched<Domain.Passes.TemporaryAccessPass?>.Failed(e));
        }

        var memberships = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        EntraException? membershipFailure = null;
        for (var i = 0; i < chunks.Count; i++)
        {
            var chunk = await GraphBatch.ReadAsync(answers["requester" + i], CheckMemberObjectsPostResponse.CreateFromDiscriminatorValue, ct);
            membershipFailure ??= chunk.Failure;
            if (chunk.Failure is null) memberships.UnionWith(chunk.Value?.Value ?? []);
        }

        var user = await GraphBatch.ReadAsync(answers[TargetUser], User.CreateFromDiscriminatorValue, ct);
        var policy = GraphBatch.Then(await GraphBatch.ReadAsync(answers[Policy], AuthenticationMethodConfiguration.CreateFromDiscriminatorValue, ct), GraphTemporaryAccessPasses.ToPolicy);
        var (privilege, memberOf) = await GraphPrivilegeFacts.ReadAsync(answers, graph, targetId, ct);
        var passes = await GraphBatch.ReadAsync(answers[TargetPasses], TemporaryAccessPassAuthenticationMethodCollectionResponse.CreateFromDiscriminatorValue, ct);

        return new Preflight(
            membershipFailure is null ? Fetched<IReadOnlySet<string>>.Of(memberships) : Fetched<IReadOnlySet<string>>.Failed(membershipFailure),
            // As GetPersonAsync: a person who does not exist is null, not an error.
            user.Failure is { } missing && GraphErrors.IsNotFound(missing.InnerException) ? Fetched<Person?>.Of(null) : GraphBatch.Then(user, u => u is null ? null : GraphDirectory.ToPerson(u)),
            policy,
            PolicyGroupMemberships(policy, memberOf, targetId),
            privilege,
            GraphBatch.Then(passes, GraphTemporaryAccessPasses.ToCurrentPass));
    }

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
