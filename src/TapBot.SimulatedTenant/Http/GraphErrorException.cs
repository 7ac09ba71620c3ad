namespace TapBot.SimulatedTenant.Http;

/// <summary>A Graph error the emulator answers with: status, Graph error code and message.</summary>
public sealed class GraphErrorException(int status, string code, string message) : Exception(message)
{
    public int Status { get; } = status;
    public string Code { get; } = code;

    /// <summary>Headers to add (e.g. Retry-After on 429).</summary>
    public Dictionary<string, string> Headers { get; } = [];

    /// <summary>TAP endpoints repeat the message inside innerError (seen in real captures).</summary>
    public bool RepeatMessageInInnerError { get; init; }

    public static GraphErrorException NotFound(string resource) => new(404, "Request_ResourceNotFound",
        $"Resource '{resource}' does not exist or one of its queried reference-property objects are not present.");

    public static GraphErrorException BadRequest(string message) => new(400, "BadRequest", message);

    public static GraphErrorException InsufficientPrivileges() => new(403, "Authorization_RequestDenied",
        "Insufficient privileges to complete the operation.");
}
