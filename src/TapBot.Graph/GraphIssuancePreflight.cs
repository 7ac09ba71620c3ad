using System.Diagnostics;
using System.Text.Json;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Graph.Users.Item.CheckMemberObjects;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Serialization;
using TapBot.Domain.Ports;
using Person = TapBot.Domain.People.Person;

namespace TapBot.Graph;

/// <summary>
/// <see cref="IIssuancePreflight"/> as one Graph <c>$batch</c>: the requester's checkMemberObjects, the target user, the
/// TAP policy, the target's transitiveMemberOf (which shows both the target's privilege and their membership of the
/// policy's groups) and the target's passes. Each answer is read and mapped exactly as the single call would be. Only a
/// target in more than 999 groups and roles costs more: the further pages of transitiveMemberOf are read after it.
/// </summary>
/// <remarks>
/// Graph answers every request in a batch with its own status inside an HTTP 200, so the SDK's retry handler never
/// sees a throttled request there. Requests answered 429, 503 or 504 are sent again here, in a smaller batch, as often as
/// <see cref="GraphOptions.MaxRetries"/> allows, honouring Retry-After (else backing off as the SDK does) and never
/// waiting past <see cref="GraphOptions.TimeoutSeconds"/>; what is still failing then maps as the single call's error.
/// </remarks>
internal sealed class GraphIssuancePreflight(GraphServiceClient graph, GraphOptions options) : IIssuancePreflight
{
    private const string TargetUser = "user";
    private const string Policy = "policy";
    private const string TargetMemberOf = "memberOf";
    private const string TargetPasses = "passes";

    public async Task<Preflight> GetAsync(string requesterId, IReadOnlyCollection<string> requesterObjectIds, string targetId, CancellationToken ct)
    {
        // The SDK writes batch step URLs unescaped (BatchRequestContent.GetRelativeUrl): only object ids may go in.
        RequireObjectId(requesterId, nameof(requesterId));
        RequireObjectId(targetId, nameof(targetId));

        var requests = new Dictionary<string, Request>(StringComparer.Ordinal);
        var chunks = requesterObjectIds.Chunk(GraphDirectory.MaxIdsPerCheck).ToList();
        for (var i = 0; i < chunks.Count; i++)
        {
            var ids = chunks[i];
            requests["requester" + i] = new("POST checkMemberObjects", () => graph.Users[requesterId].CheckMemberObjects
                .ToPostRequestInformation(new CheckMemberObjectsPostRequestBody { Ids = [.. ids] }));
        }

        requests[TargetUser] = new("GET user", () => graph.Users[targetId].ToGetRequestInformation(r => r.QueryParameters.Select = GraphDirectory.PersonProperties));
        requests[Policy] = new("GET TAP policy", () => GraphTemporaryAccessPasses.PolicyRequest(graph).ToGetRequestInformation());
        requests[TargetMemberOf] = new("GET transitiveMemberOf", () => graph.Users[targetId].TransitiveMemberOf.ToGetRequestInformation(r => r.QueryParameters.Top = GraphDirectory.MaxPageSize));
        requests[TargetPasses] = new("GET temporaryAccessPassMethods", () => graph.Users[targetId].Authentication.TemporaryAccessPassMethods.ToGetRequestInformation());

        Dictionary<string, Answer> answers;
        try
        {
            answers = await SendAsync(requests, ct);
        }
        catch (DirectoryException e)
        {
            // The batch itself failed (unreachable, timed out, throttled beyond retries): every part carries the failure.
            return new Preflight(Fetched<IReadOnlySet<string>>.Failed(e), Fetched<Person?>.Failed(e), Fetched<Domain.Passes.TapPolicy>.Failed(e),
                Fetched<IReadOnlySet<string>>.Failed(e), Fetched<Privilege>.Failed(e), Fetched<Domain.Passes.TemporaryAccessPass?>.Failed(e));
        }

        var memberships = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        DirectoryException? membershipFailure = null;
        for (var i = 0; i < chunks.Count; i++)
        {
            var chunk = await ReadAsync(answers["requester" + i], CheckMemberObjectsPostResponse.CreateFromDiscriminatorValue, ct);
            membershipFailure ??= chunk.Failure;
            if (chunk.Failure is null) memberships.UnionWith(chunk.Value?.Value ?? []);
        }

        var user = await ReadAsync(answers[TargetUser], User.CreateFromDiscriminatorValue, ct);
        var policy = Then(await ReadAsync(answers[Policy], AuthenticationMethodConfiguration.CreateFromDiscriminatorValue, ct), GraphTemporaryAccessPasses.ToPolicy);
        var memberOf = await AllMemberOfAsync(await ReadAsync(answers[TargetMemberOf], DirectoryObjectCollectionResponse.CreateFromDiscriminatorValue, ct), targetId, ct);
        var passes = await ReadAsync(answers[TargetPasses], TemporaryAccessPassAuthenticationMethodCollectionResponse.CreateFromDiscriminatorValue, ct);

        return new Preflight(
            membershipFailure is null ? Fetched<IReadOnlySet<string>>.Of(memberships) : Fetched<IReadOnlySet<string>>.Failed(membershipFailure),
            // As GetPersonAsync: a person who does not exist is null, not an error.
            user.Failure is { } missing && GraphErrors.IsNotFound(missing.InnerException) ? Fetched<Person?>.Of(null) : Then(user, u => u is null ? null : GraphDirectory.ToPerson(u)),
            policy,
            PolicyGroupMemberships(policy, memberOf, targetId),
            Then(memberOf, GraphDirectory.ToPrivilege),
            Then(passes, GraphTemporaryAccessPasses.ToCurrentPass));
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
        return Then(memberOf, items => (IReadOnlySet<string>)items.Select(o => o.Id).OfType<string>().Where(targetIds.Contains)
            .ToHashSet(StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>The first page from the batch, and any further pages (a second round trip, past 999 groups and roles).</summary>
    private async Task<Fetched<IReadOnlyList<DirectoryObject>>> AllMemberOfAsync(
        Fetched<DirectoryObjectCollectionResponse?> first, string targetId, CancellationToken ct)
    {
        if (first.Failure is { } failure) return Fetched<IReadOnlyList<DirectoryObject>>.Failed(failure);
        try
        {
            return Fetched<IReadOnlyList<DirectoryObject>>.Of(await GraphDirectory.AllPagesAsync(graph, targetId, first.Value, ct));
        }
        catch (DirectoryException e)
        {
            return Fetched<IReadOnlyList<DirectoryObject>>.Failed(e);
        }
    }

    /// <summary>Sends the requests as one batch, then again those answered 429/503/504, while retries and time allow.</summary>
    private async Task<Dictionary<string, Answer>> SendAsync(IReadOnlyDictionary<string, Request> requests, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var answers = new Dictionary<string, Answer>(StringComparer.Ordinal);
        var pending = requests.Keys.ToList();
        for (var attempt = 0; ; attempt++)
        {
            var batch = new BatchRequestContentCollection(graph);
            foreach (var id in pending) await batch.AddBatchRequestStepAsync(requests[id].Build(), id);
            var response = await GraphErrors.Guard("POST $batch", () => graph.Batch.PostAsync(batch, ct));
            foreach (var id in pending) answers[id] = await AnswerAsync(response, id, requests[id].Operation, ct);

            pending = pending.Where(id => answers[id].Status is 429 or 503 or 504).ToList();
            if (pending.Count == 0 || attempt >= options.MaxRetries) return answers;
            var wait = pending.Max(id => answers[id].RetryAfter ?? Backoff(attempt));
            if (Stopwatch.GetElapsedTime(started) + wait > TimeSpan.FromSeconds(options.TimeoutSeconds)) return answers;
            await Task.Delay(wait, ct);
        }
    }

    /// <summary>Without Retry-After, the SDK's own retry handler waits 3 s, doubling each time, at most 180 s.</summary>
    private static TimeSpan Backoff(int attempt) => TimeSpan.FromSeconds(Math.Min(180, 3 * Math.Pow(2, attempt)));

    private static async Task<Answer> AnswerAsync(BatchResponseContentCollection response, string id, string operation, CancellationToken ct)
    {
        using var message = await response.GetResponseByIdAsync(id);
        if (message is null) return new Answer(operation, 0, null, null);
        var body = message.Content is null ? null : await message.Content.ReadAsByteArrayAsync(ct);
        var retryAfter = message.Headers.RetryAfter is { } r ? r.Delta ?? (r.Date - DateTimeOffset.UtcNow) : null;
        return new Answer(operation, (int)message.StatusCode, body, retryAfter < TimeSpan.Zero ? TimeSpan.Zero : retryAfter);
    }

    /// <summary>One answer as the single call would have given it: the object, or its error as a <see cref="DirectoryException"/>.</summary>
    private static async Task<Fetched<T?>> ReadAsync<T>(Answer answer, ParsableFactory<T> factory, CancellationToken ct) where T : IParsable
    {
        var result = answer.Status is >= 200 and < 300
            ? Fetched<T?>.Of(answer.Body is { Length: > 0 } body ? (await ParseAsync(body, ct)).GetObjectValue(factory) : default)
            : Fetched<T?>.Failed(await ErrorAsync(answer, ct));
        GraphErrors.Record(answer.Operation, GraphErrors.Outcome(result.Failure), null);
        return result;
    }

    private static async Task<DirectoryException> ErrorAsync(Answer answer, CancellationToken ct)
    {
        if (answer.Status == 0)
        {
            return new DirectoryException(DirectoryFailure.Unavailable, $"Microsoft Graph's $batch answer left out {answer.Operation}.");
        }

        ApiException error;
        try
        {
            error = answer.Body is { Length: > 0 } body ? (await ParseAsync(body, ct)).GetObjectValue(ODataError.CreateFromDiscriminatorValue)! : new ODataError();
        }
        catch (JsonException)
        {
            error = new ApiException("Microsoft Graph answered with an error body that is not JSON.");
        }

        error.ResponseStatusCode = answer.Status;
        var main = (error as ODataError)?.Error;
        return GraphErrors.Translate(answer.Operation, answer.Status, main?.Code, main?.Message, error);
    }

    private static Task<IParseNode> ParseAsync(byte[] body, CancellationToken ct) =>
        ParseNodeFactoryRegistry.DefaultInstance.GetRootParseNodeAsync("application/json", new MemoryStream(body), ct);

    /// <summary>Maps a part that was read; a mapping that finds the answer unusable fails the part, not the whole.</summary>
    private static Fetched<TOut> Then<TIn, TOut>(Fetched<TIn> part, Func<TIn, TOut> map)
    {
        if (part.Failure is { } failure) return Fetched<TOut>.Failed(failure);
        try
        {
            return Fetched<TOut>.Of(map(part.Value));
        }
        catch (DirectoryException e)
        {
            return Fetched<TOut>.Failed(e);
        }
    }

    private static void RequireObjectId(string id, string name)
    {
        if (!Guid.TryParse(id, out _)) throw new ArgumentException("An object id (GUID) is required.", name);
    }

    private sealed record Request(string Operation, Func<RequestInformation> Build);

    /// <summary>One request's answer inside the batch; status 0 when the batch's answer left it out.</summary>
    private sealed record Answer(string Operation, int Status, byte[]? Body, TimeSpan? RetryAfter);
}
