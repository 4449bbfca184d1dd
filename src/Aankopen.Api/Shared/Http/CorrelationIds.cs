using System.Text.RegularExpressions;

namespace Aankopen.Api.Shared.Http;

/// <summary>
/// One id follows a request through everything it causes: the caller's <c>X-Correlation-Id</c> when it sends a
/// usable one, else the request's trace id. It is in every log line of the request, on every event the request
/// records (Marten's correlation id), on the finance messages those events lead to, in the connector's logs, and
/// in the tender's history; the answer carries it back.
/// </summary>
public static partial class CorrelationIds
{
    public const string Header = "X-Correlation-Id";
    private const string Key = "aankopen.correlation-id";

    [GeneratedRegex("^[A-Za-z0-9._:-]{1,64}$")]
    private static partial Regex Usable();

    public static string? Of(HttpContext? http) => http?.Items[Key] as string;

    public static IApplicationBuilder UseCorrelationIds(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var sent = http.Request.Headers[Header].ToString();
        var id = Usable().IsMatch(sent) ? sent : System.Diagnostics.Activity.Current?.TraceId.ToString() ?? Guid.NewGuid().ToString("N");
        http.Items[Key] = id;
        http.Response.Headers[Header] = id;
        var log = http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Aankopen.Api.Requests");
        using (log.BeginScope("CorrelationId:{CorrelationId}", id))
            await next(http);
    });
}
