using System.Diagnostics.Metrics;
using Aankopen.Edge.Security;

namespace Aankopen.Api.Operations;

/// <summary>
/// Counts every command the API answers (a named endpoint that is not a read), by endpoint and outcome, so an
/// operator sees what people are doing and how much of it is refused without reading logs.
/// </summary>
public static class CommandMetrics
{
    private static readonly Counter<long> Commands = Observability.Telemetry.Meter.CreateCounter<long>(
        "aankopen.commands", "{command}", "Commands answered by the API, by endpoint and outcome.");

    /// <summary>Outermost but for routing: it sees the status that problem details and access checks settled on.</summary>
    public static IApplicationBuilder UseCommandMetrics(this IApplicationBuilder app) =>
        app.Use(async (http, next) =>
        {
            await next(http);
            if (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method) || HttpMethods.IsOptions(http.Request.Method))
                return;
            if (http.GetEndpoint()?.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName is not { } command)
                return;
            Commands.Add(1,
                new("aankopen.command", command),
                new("aankopen.outcome", OutcomeOf(http.Response.StatusCode)),
                new("aankopen.tenant", UserScopes.TenantOf(http)));
        });

    public static string OutcomeOf(int status) => status switch
    {
        < 400 => "accepted",
        401 or 403 => "denied",
        409 or 412 => "conflict",
        429 => "throttled",
        < 500 => "refused",
        _ => "failed",
    };
}
