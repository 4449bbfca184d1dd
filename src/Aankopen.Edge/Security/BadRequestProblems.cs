using Aankopen.Edge.Http;
using Microsoft.AspNetCore.Diagnostics;

namespace Aankopen.Edge.Security;

/// <summary>
/// A body that is not JSON, or has a field of the wrong type, fails before any handler runs. This turns that into a
/// problem that says which input was wrong, instead of an empty 400 or, worse, a 500.
/// </summary>
public sealed class BadRequestProblems : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        if (exception is not BadHttpRequestException bad)
            return false;
        var reason = bad.InnerException?.Message ?? bad.Message;
        await (bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? TooLarge(http) : Unreadable(http, reason)).ExecuteAsync(http);
        return true;
    }

    public static IResult Unreadable(HttpContext http, string reason) => Problems.Single(http, StatusCodes.Status400BadRequest, "request-unreadable", reason);

    public static IResult TooLarge(HttpContext http) => Problems.Single(http, StatusCodes.Status413PayloadTooLarge, "request-too-large", RequestLimits.MaxBodyKilobytes(http));
}

public static class StatusProblems
{
    /// <summary>
    /// An answer that left with an error status and no body: a problem that says what is wrong where this service
    /// knows more than the status (a body over the limit is refused by the server before any handler), else the
    /// standard one.
    /// </summary>
    public static IApplicationBuilder UseStatusProblems(this IApplicationBuilder app) => app.UseStatusCodePages(async context =>
    {
        var http = context.HttpContext;
        if (http.Response.StatusCode == StatusCodes.Status413PayloadTooLarge)
            await BadRequestProblems.TooLarge(http).ExecuteAsync(http);
        else
            await http.RequestServices.GetRequiredService<IProblemDetailsService>().TryWriteAsync(new()
            {
                HttpContext = http,
                ProblemDetails = { Status = http.Response.StatusCode },
            });
    });
}
