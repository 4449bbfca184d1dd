using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Aankopen.Observability;

/// <summary>
/// The names under which Aankopen's own spans and measurements appear, next to those of ASP.NET Core, HttpClient,
/// Npgsql, Marten and MassTransit. One source and one meter for every process, told apart by the service name.
/// </summary>
public static class Telemetry
{
    public const string Name = "Aankopen";

    public static readonly ActivitySource Source = new(Name);
    public static readonly Meter Meter = new(Name);

    /// <summary>The W3C trace context of the current span (<c>00-traceid-spanid-flags</c>), to keep with what outlives the request.</summary>
    public static string? CurrentTraceParent => Activity.Current is { IdFormat: ActivityIdFormat.W3C } current ? current.Id : null;

    /// <summary>
    /// Starts a span that continues the trace recorded in <paramref name="traceParent"/>, for work done later and
    /// elsewhere on behalf of a request (the relay publishing what a command recorded). A span of its own trace when
    /// nothing was recorded or the value is not a trace context.
    /// </summary>
    public static Activity? StartContinuing(string name, ActivityKind kind, string? traceParent) =>
        ActivityContext.TryParse(traceParent, null, out var parent)
            ? Source.StartActivity(name, kind, parent)
            : Source.StartActivity(name, kind);
}
