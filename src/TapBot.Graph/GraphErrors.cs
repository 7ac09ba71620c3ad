using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions;
using System.Diagnostics;
using TapBot.Domain.Ports;
using TapBot.Domain.Telemetry;

namespace TapBot.Graph;

/// <summary>Turns SDK failures into <see cref="EntraException"/>, keeping Graph's code and message but no tokens.</summary>
internal static class GraphErrors
{
    public static async Task<T> Guard<T>(string operation, Func<Task<T>> call)
    {
        var started = Stopwatch.GetTimestamp();
        var outcome = "ok";
        try
        {
            return await Translated(operation, call);
        }
        catch (EntraException e)
        {
            outcome = Outcome(e);
            throw;
        }
        catch (OperationCanceledException)
        {
            outcome = "cancelled";
            throw;
        }
        finally
        {
            Record(operation, outcome, Stopwatch.GetElapsedTime(started));
        }
    }

    /// <summary>
    /// Counts one Graph call and its outcome (<c>ok</c>, <c>not_found</c>, a failure); the duration when it is known
    /// (a request inside a <c>$batch</c> has none of its own).
    /// </summary>
    public static void Record(string operation, string outcome, TimeSpan? duration)
    {
        var op = TapBotTelemetry.Tag("operation", operation);
        var result = TapBotTelemetry.Tag("outcome", outcome);
        TapBotTelemetry.GraphCalls.Add(1, op, result);
        if (duration is { } d) TapBotTelemetry.GraphDuration.Record(d.TotalMilliseconds, op, result);
    }

    /// <summary>How a call's outcome is counted: <c>ok</c>, <c>not_found</c>, or the failure.</summary>
    public static string Outcome(EntraException? e) =>
        e is null ? "ok" : IsNotFound(e.InnerException) ? "not_found" : e.Failure.ToString().ToLowerInvariant();

    private static async Task<T> Translated<T>(string operation, Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (ODataError e)
        {
            throw Translate(operation, e.ResponseStatusCode, e.Error?.Code, e.Error?.Message, e);
        }
        catch (ApiException e)
        {
            throw Translate(operation, e.ResponseStatusCode, null, null, e);
        }
        catch (AggregateException e) when (e.InnerExceptions.LastOrDefault() is ApiException last)
        {
            // Kiota's RetryHandler, out of retries on 429/503/504, throws "Too many retries performed" wrapping
            // one ApiException per attempt rather than letting the last response through as an ODataError.
            throw Translate(operation, last.ResponseStatusCode, null, null, e);
        }
        catch (HttpRequestException e)
        {
            throw new EntraException(EntraFailure.Unavailable, $"Microsoft Graph could not be reached for {operation}.", e);
        }
        catch (TaskCanceledException e) when (e.InnerException is TimeoutException)
        {
            throw new EntraException(EntraFailure.Unavailable, $"Microsoft Graph did not answer {operation} in time.", e);
        }
    }

    /// <summary>True for a 404 from Graph (person, manager or pass does not exist).</summary>
    public static bool IsNotFound(Exception? e) => e is ApiException { ResponseStatusCode: 404 };

    /// <summary>A failed Graph answer as TapBot's exception: 401/403 denied, 429 throttled, 5xx unavailable, else rejected.</summary>
    public static EntraException Translate(string operation, int status, string? code, string? message, Exception inner)
    {
        var failure = status switch
        {
            401 or 403 => EntraFailure.AccessDenied,
            429 => EntraFailure.Throttled,
            >= 500 => EntraFailure.Unavailable,
            _ => EntraFailure.Rejected,
        };
        return new EntraException(failure, $"Microsoft Graph answered {status} ({code ?? "no code"}) to {operation}.", inner)
        {
            GraphCode = code,
            GraphMessage = message,
        };
    }
}
