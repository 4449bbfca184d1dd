using Microsoft.Extensions.Configuration;

namespace Aankopen.Observability;

/// <summary>
/// <c>Telemetry:OtlpEndpoint</c>: where traces and metrics are pushed (an OpenTelemetry collector, OTLP over
/// gRPC on 4317 or HTTP/protobuf on 4318, chosen by <c>Telemetry:OtlpProtocol</c>). Without it nothing is pushed;
/// metrics can still be scraped from <c>/metrics</c>.
/// </summary>
/// <param name="Enabled"><c>Telemetry:Enabled</c> (default true): false makes no spans and no metrics at all, and
/// <c>/metrics</c> answers 404; a trace context then no longer crosses the event store and the broker.</param>
public sealed record TelemetrySettings(Uri? OtlpEndpoint, bool OtlpOverHttp, bool Enabled = true)
{
    public const string Section = "Telemetry";

    public static TelemetrySettings Read(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var endpoint = section["OtlpEndpoint"];
        Uri? uri = null;
        if (!string.IsNullOrWhiteSpace(endpoint)
            && (!Uri.TryCreate(endpoint, UriKind.Absolute, out uri) || uri.Scheme is not ("http" or "https")))
            throw new InvalidOperationException(
                $"Telemetry:OtlpEndpoint must be an absolute http or https address of an OpenTelemetry collector, such as http://otel-collector:4317; it is '{endpoint}'.");
        var protocol = section["OtlpProtocol"] ?? "grpc";
        if (protocol is not ("grpc" or "http/protobuf"))
            throw new InvalidOperationException($"Telemetry:OtlpProtocol must be 'grpc' or 'http/protobuf'; it is '{protocol}'.");
        return new TelemetrySettings(uri, protocol == "http/protobuf", section.GetValue("Enabled", true));
    }
}
