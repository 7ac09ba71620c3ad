namespace TapBot.Domain.Ports;

/// <summary>Why a directory call failed, in terms a user can act on.</summary>
public enum EntraFailure
{
    /// <summary>The bot's app lacks a permission or role for this call.</summary>
    AccessDenied,

    /// <summary>Graph kept answering 429 after the client's own retries.</summary>
    Throttled,

    /// <summary>Graph was unreachable or answered 5xx.</summary>
    Unavailable,

    /// <summary>Graph refused the request itself (4xx other than the above).</summary>
    Rejected,
}

/// <summary>
/// A directory call failed. The message is safe to log; it never carries a token, secret or passcode.
/// </summary>
public sealed class EntraException(EntraFailure failure, string message, Exception? inner = null)
    : Exception(message, inner)
{
    public EntraFailure Failure { get; } = failure;

    /// <summary>Graph's error code (e.g. <c>badRequest</c>), when it gave one.</summary>
    public string? GraphCode { get; init; }

    /// <summary>Graph's error message, kept for refusals the caller must explain (policy, lifetime).</summary>
    public string? GraphMessage { get; init; }
}
