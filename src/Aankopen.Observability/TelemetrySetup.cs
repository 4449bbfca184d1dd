using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Aankopen.Observability;

public static class TelemetrySetup
{
    /// <summary>Spans that carry a trace across the broker, besides the HTTP server and client: always on.</summary>
    private static readonly string[] Carriers = ["MassTransit"];

    /// <summary>Spans of the store, one or more per command and per page of events: only when someone receives them.</summary>
    private static readonly string[] Store = ["Marten", "Npgsql"];

    /// <summary>
    /// Traces and metrics for one process. The spans that carry a trace (HTTP in and out, the relay, the broker) are
    /// always made: a trace context must cross the event store and the broker even when nothing exports it. The
    /// store's own spans, and export, come with an OTLP endpoint; without one they would only cost time.
    /// </summary>
    public static IHostApplicationBuilder AddAankopenTelemetry(this IHostApplicationBuilder builder, string serviceName)
    {
        var settings = TelemetrySettings.Read(builder.Configuration);
        builder.Services.AddSingleton(settings);
        if (!settings.Enabled)
            return builder;
        var otel = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(serviceName, serviceInstanceId: Environment.MachineName))
            .WithTracing(t =>
            {
                t.AddSource(Telemetry.Name).AddSource(Carriers)
                    .AddAspNetCoreInstrumentation(o => o.Filter = http => !IsProbe(http.Request.Path))
                    .AddHttpClientInstrumentation();
                if (settings.OtlpEndpoint is { } endpoint)
                    t.AddSource(Store).AddOtlpExporter(o => Point(o, settings, endpoint, "traces"));
            })
            .WithMetrics(m =>
            {
                m.AddMeter(Telemetry.Name).AddMeter(Carriers)
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddRuntimeInstrumentation()
                    .AddPrometheusExporter();
                if (settings.OtlpEndpoint is { } endpoint)
                    m.AddMeter(Store).AddOtlpExporter(o => Point(o, settings, endpoint, "metrics"));
            });
        return builder;
    }

    /// <summary>Prometheus text format on <c>/metrics</c>, for platforms that scrape rather than receive.</summary>
    public static IEndpointConventionBuilder MapAankopenMetrics(this IEndpointRouteBuilder app) =>
        app.ServiceProvider.GetRequiredService<TelemetrySettings>().Enabled
            ? app.MapPrometheusScrapingEndpoint("/metrics")
            : app.MapGet("/metrics", () => Results.NotFound());

    private static bool IsProbe(Microsoft.AspNetCore.Http.PathString path) =>
        path.StartsWithSegments("/health") || path.StartsWithSegments("/metrics");

    private static void Point(OtlpExporterOptions o, TelemetrySettings settings, Uri endpoint, string signal)
    {
        o.Protocol = settings.OtlpOverHttp ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc;
        // Over HTTP each signal has a path of its own; over gRPC the collector's address is enough.
        o.Endpoint = settings.OtlpOverHttp ? new Uri(endpoint, $"v1/{signal}") : endpoint;
    }
}
