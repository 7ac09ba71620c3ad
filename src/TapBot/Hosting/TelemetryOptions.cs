using OpenTelemetry.Exporter;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using TapBot.Domain.Telemetry;

namespace TapBot.Hosting;

/// <summary>OpenTelemetry export. Bound from the <c>Telemetry</c> section; off until an OTLP endpoint is set.</summary>
public sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    /// <value>OTLP collector, e.g. http://otel-collector:4317 (gRPC) or http://otel-collector:4318 (HTTP). Default: none
    /// (the standard OTEL_EXPORTER_OTLP_ENDPOINT variable also turns export on).</value>
    public string? OtlpEndpoint { get; set; }

    /// <value><c>Grpc</c> (default) or <c>HttpProtobuf</c>.</value>
    public OtlpExportProtocol OtlpProtocol { get; set; } = OtlpExportProtocol.Grpc;

    /// <value>service.name of the exported telemetry. Default TapBot.</value>
    public string ServiceName { get; set; } = "TapBot";

    public static void AddTapTelemetry(WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        var endpoint = options.OtlpEndpoint ?? builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        if (string.IsNullOrWhiteSpace(endpoint)) return;
        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var baseUri))
        {
            throw new StartupProblemException($"Telemetry:OtlpEndpoint must be an absolute URL; got '{endpoint}'.");
        }

        // With HTTP/protobuf an explicit endpoint is used as-is, so each signal gets its standard path.
        void Exporter(OtlpExporterOptions o, string signal)
        {
            o.Protocol = options.OtlpProtocol;
            o.Endpoint = options.OtlpProtocol == OtlpExportProtocol.HttpProtobuf ? new Uri(baseUri, signal) : baseUri;
        }

        builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(options.ServiceName))
            .WithTracing(t => t
                .AddSource(TapBotTelemetry.Name)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddOtlpExporter(o => Exporter(o, "v1/traces")))
            .WithMetrics(m => m
                .AddMeter(TapBotTelemetry.Name)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddOtlpExporter(o => Exporter(o, "v1/metrics")));
        builder.Logging.AddOpenTelemetry(l => l.AddOtlpExporter(o => Exporter(o, "v1/logs")));
    }
}
