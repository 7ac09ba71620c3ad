using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace TapBot.Domain.Telemetry;

/// <summary>
/// TapBot's traces and metrics (exported over OTLP when configured). Tags carry kinds and outcomes only: never
/// message text, never a passcode, never a name.
/// </summary>
public static class TapBotTelemetry
{
    public const string Name = "TapBot";

    public static readonly ActivitySource Source = new(Name);
    private static readonly Meter Meter = new(Name);

    /// <summary>Bot turns by activity type and outcome (ok, error).</summary>
    public static readonly Counter<long> Turns = Meter.CreateCounter<long>("tapbot.turns", description: "Bot Framework turns processed");

    /// <summary>Chat commands by kind (Help, Status, Unknown…).</summary>
    public static readonly Counter<long> Commands = Meter.CreateCounter<long>("tapbot.commands", description: "Chat commands understood");

    /// <summary>Card clicks by verb and outcome.</summary>
    public static readonly Counter<long> CardActions = Meter.CreateCounter<long>("tapbot.card_actions", description: "Action.Execute clicks handled");

    /// <summary>Graph calls by operation and outcome (ok, throttled, unavailable, access_denied, rejected, not_found).</summary>
    public static readonly Counter<long> GraphCalls = Meter.CreateCounter<long>("tapbot.graph.calls", description: "Microsoft Graph calls, after the SDK's retries");

    public static readonly Histogram<double> GraphDuration = Meter.CreateHistogram<double>("tapbot.graph.duration", unit: "ms", description: "Microsoft Graph call duration, retries included");

    /// <summary>TAP issuance attempts by outcome (issued, refused reason, failed). Recorded by the issuance flow.</summary>
    public static readonly Counter<long> Issuances = Meter.CreateCounter<long>("tapbot.tap.issuances", description: "Temporary Access Pass issuance outcomes");

    /// <summary>Time from a recovery request to its decision. Recorded by the approval flow.</summary>
    public static readonly Histogram<double> ApprovalLatency = Meter.CreateHistogram<double>("tapbot.approval.latency", unit: "s", description: "Seconds from request to decision");

    /// <summary>
    /// The audit chain's newest sequence, exported every minute by one instance. It only ever grows (retention deletes
    /// the oldest events, not the newest), so a drop means the newest events were deleted.
    /// </summary>
    public static readonly Gauge<long> AuditHeadSequence = Meter.CreateGauge<long>("tapbot.audit.head_sequence", description: "Sequence of the newest audit event");

    public static KeyValuePair<string, object?> Tag(string key, object? value) => new(key, value);
}
