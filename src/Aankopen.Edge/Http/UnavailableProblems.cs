using Microsoft.AspNetCore.Diagnostics;

namespace Aankopen.Edge.Http;

/// <summary>
/// PostgreSQL away (restarting, unreachable) is not the client's fault and not a bug: answer 503 with Retry-After and
/// a problem saying so, instead of a bare 500. Nothing was written, so the same request can be sent again.
/// </summary>
public sealed class UnavailableProblems(ILogger<UnavailableProblems> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        if (!IsDatabaseUnavailable(exception))
            return false;
        log.LogWarning("The database was unavailable for {Method} {Path}: {Reason}", http.Request.Method, http.Request.Path, exception.Message);
        http.Response.Headers.RetryAfter = "5";
        var result = Problems.Single(http, StatusCodes.Status503ServiceUnavailable, "database-unavailable");
        await result.ExecuteAsync(http);
        return true;
    }

    private static bool IsDatabaseUnavailable(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
            if (e is Npgsql.NpgsqlException { IsTransient: true } or Npgsql.PostgresException { SqlState: "57P01" or "57P02" or "57P03" } or TimeoutException)
                return true;
        return false;
    }
}
