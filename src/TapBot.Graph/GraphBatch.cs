using System.Diagnostics;
using System.Text.Json;
using Microsoft.Graph;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Serialization;
using TapBot.Domain.Ports;

namespace TapBot.Graph;

/// <summary>
/// Several Graph reads as one <c>$batch</c>, each answer read and mapped exactly as the single call would be.
/// </summary>
/// <remarks>
/// Graph answers every request in a batch with its own status inside an HTTP 200, so the SDK's retry handler never
/// sees a throttled request there. Requests answered 429, 503 or 504 are sent again here, in a smaller batch, as often as
/// <see cref="GraphOptions.MaxRetries"/> allows, honouring Retry-After (else backing off as the SDK does) and never
/// waiting past <see cref="GraphOptions.TimeoutSeconds"/>; what is still failing then maps as the single call's error.
/// </remarks>
internal sealed class GraphBatch(GraphServiceClient graph, GraphOptions options)
{
    /// <summary>One request of a batch: what it is called in errors and telemetry, and how to build it.</summary>
    public sealed record Request(string Operation, Func<RequestInformation> Build);

    /// <summary>One request's answer inside the batch; status 0 when the batch's answer left it out.</summary>
    public sealed record Answer(string Operation, int Status, byte[]? Body, TimeSpan? RetryAfter);

    /// <summary>Sends the requests as one batch, then again those answered 429/503/504, while retries and time allow.</summary>
    /// <exception cref="EntraException">The batch itself failed (unreachable, timed out, throttled beyond retries).</exception>
    public async Task<Dictionary<string, Answer>> SendAsync(IReadOnlyDictionary<string, Request> requests, CancellationToken ct)
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

    /// <summary>One answer as the single call would have given it: the object, or its error as a <see cref="EntraException"/>.</summary>
    public static async Task<Fetched<T?>> ReadAsync<T>(Answer answer, ParsableFactory<T> factory, CancellationToken ct) where T : IParsable
    {
        var result = answer.Status is >= 200 and < 300
            ? Fetched<T?>.Of(answer.Body is { Length: > 0 } body ? (await ParseAsync(body, ct)).GetObjectValue(factory) : default)
            : Fetched<T?>.Failed(await ErrorAsync(answer, ct));
        GraphErrors.Record(answer.Operation, GraphErrors.Outcome(result.Failure), null);
        return result;
    }

    private static async Task<EntraException> ErrorAsync(Answer answer, CancellationToken ct)
    {
        if (answer.Status == 0)
        {
            return new EntraException(EntraFailure.Unavailable, $"Microsoft Graph's $batch answer left out {answer.Operation}.");
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
    public static Fetched<TOut> Then<TIn, TOut>(Fetched<TIn> part, Func<TIn, TOut> map)
    {
        if (part.Failure is { } failure) return Fetched<TOut>.Failed(failure);
        try
        {
            return Fetched<TOut>.Of(map(part.Value));
        }
        catch (EntraException e)
        {
            return Fetched<TOut>.Failed(e);
        }
    }

    public static void RequireObjectId(string id, string name)
    {
        // The SDK writes batch step URLs unescaped (BatchRequestContent.GetRelativeUrl): only object ids may go in.
        if (!Guid.TryParse(id, out _)) throw new ArgumentException("An object id (GUID) is required.", name);
    }
}
