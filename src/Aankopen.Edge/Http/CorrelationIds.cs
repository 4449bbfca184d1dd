using System.Text.RegularExpressions;

namespace Aankopen.Edge.Http;

/// <summary>
/// One id follows a request through everything it causes: the request's own, drawn here at random (not its trace id,
/// which a caller may choose through <c>traceparent</c>; the trace gets it as its tag <c>aankopen.correlation_id</c>). It is in
/// every log line of the request, on every event the request records (Marten's correlation id), on the finance
/// messages those events lead to, in the connector's logs, and in the tender's history; the answer carries it back in
/// <c>X-Correlation-Id</c>. A caller's own <c>X-Correlation-Id</c> never takes its place (anyone could then file their
/// change under someone else's request): when usable it is kept beside it, labelled as the caller's, in the log scope
/// and on the events (<see cref="CallerEventHeader"/>), and sent back in <c>X-Caller-Correlation-Id</c>.
/// </summary>
public static partial class CorrelationIds
{
    public const string Header = "X-Correlation-Id";
    public const string CallerHeader = "X-Caller-Correlation-Id";
    public const string CallerEventHeader = "caller-correlation-id";
    private const string Key = "aankopen.correlation-id", CallerKey = "aankopen.caller-correlation-id";

    [GeneratedRegex("^[A-Za-z0-9._:-]{1,64}$")]
    private static partial Regex Usable();

    public static string? Of(HttpContext? http) => http?.Items[Key] as string;

    /// <summary>The id the caller sent, if usable; never used as this service's own.</summary>
    public static string? CallerOf(HttpContext? http) => http?.Items[CallerKey] as string;

    /// <summary>The caller's id an event was recorded with (from its headers), if it sent one.</summary>
    public static string? CallerOf(IDictionary<string, object>? eventHeaders) =>
        eventHeaders is { } headers && headers.TryGetValue(CallerEventHeader, out var caller) ? caller?.ToString() : null;

    public static IApplicationBuilder UseCorrelationIds(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var sent = http.Request.Headers[Header].ToString();
        var caller = Usable().IsMatch(sent) ? sent : null;
        var id = Guid.CreateVersion7().ToString("N");
        System.Diagnostics.Activity.Current?.SetTag("aankopen.correlation_id", id);
        http.Items[Key] = id;
        http.Items[CallerKey] = caller;
        http.Response.Headers[Header] = id;
        if (caller is not null)
            http.Response.Headers[CallerHeader] = caller;
        var log = http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Aankopen.Api.Requests");
        using (log.BeginScope("CorrelationId:{CorrelationId} CallerCorrelationId:{CallerCorrelationId}", id, caller ?? "-"))
            await next(http);
    });
}
