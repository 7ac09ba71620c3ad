namespace TapBot.SimulatedTenant.Http;

/// <summary>
/// Optional latency, throttling and failures, for tests and benchmarks. Off unless configured or set through
/// the simulator's control endpoint.
/// </summary>
public sealed class FaultInjector(EmulatorOptions options)
{
    private readonly object _gate = new();
    private readonly List<FaultRule> _rules = [];
    private long _requests;

    public int LatencyMs => options.LatencyMs;

    public void Add(FaultRule rule)
    {
        lock (_gate) _rules.Add(rule);
    }

    public void Clear()
    {
        lock (_gate) _rules.Clear();
    }

    /// <summary>Throws the Graph error a matching rule or the throttle setting calls for.</summary>
    public void Check(GraphCall call)
    {
        var n = Interlocked.Increment(ref _requests);
        if (options.ThrottleEvery > 0 && n % options.ThrottleEvery == 0)
        {
            throw Throttled(options.RetryAfterSeconds);
        }

        FaultRule? hit = null;
        lock (_gate)
        {
            hit = _rules.FirstOrDefault(r => r.Matches(call));
            if (hit is { Times: > 0 } && --hit.Times == 0) _rules.Remove(hit);
        }

        if (hit is null) return;
        Interlocked.Increment(ref hit.HitCount);
        if (hit.DelayMs > 0) Thread.Sleep(hit.DelayMs); // requests run on the thread pool; a test knob only
        if (hit.Status == 0) return;
        if (hit.Status == 429) throw Throttled(hit.RetryAfterSeconds ?? options.RetryAfterSeconds);
        var e = new GraphErrorException(hit.Status, hit.Code ?? DefaultCode(hit.Status), hit.Message ?? DefaultMessage(hit.Status));
        if (hit.RetryAfterSeconds is { } s) e.Headers["Retry-After"] = s.ToString(System.Globalization.CultureInfo.InvariantCulture);
        throw e;
    }

    private static GraphErrorException Throttled(int retryAfter)
    {
        var e = new GraphErrorException(429, "TooManyRequests", "Too many requests. Please try again later.");
        e.Headers["Retry-After"] = retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return e;
    }

    private static string DefaultCode(int status) => status switch
    {
        403 => "accessDenied",
        404 => "Request_ResourceNotFound",
        503 => "serviceNotAvailable",
        504 => "gatewayTimeout",
        _ => "generalException",
    };

    private static string DefaultMessage(int status) => status switch
    {
        403 => "Request Authorization failed",
        503 => "The service is temporarily unavailable. Please retry later.",
        _ => "The simulator was told to fail this request.",
    };
}

/// <summary>Fail requests whose method and path match, <see cref="Times"/> times (0 or less: until cleared).</summary>
public sealed class FaultRule
{
    public string? Method { get; set; }
    public string? PathContains { get; set; }
    public int Status { get; set; } = 503;
    public string? Code { get; set; }
    public string? Message { get; set; }
    public int? RetryAfterSeconds { get; set; }
    public int Times { get; set; } = 1;

    /// <summary>Milliseconds to wait before answering; with <see cref="Status"/> 0 the request then succeeds.</summary>
    public int DelayMs { get; set; }

    /// <summary>How many requests this rule has caught so far.</summary>
    public int Hits => Volatile.Read(ref HitCount);

    internal int HitCount;

    public bool Matches(GraphCall call) =>
        (Method is null || string.Equals(Method, call.Method, StringComparison.OrdinalIgnoreCase))
        && (PathContains is null || call.Path.Contains(PathContains, StringComparison.OrdinalIgnoreCase));
}
