using System.Threading.RateLimiting;
using Aankopen.Edge.Http;

namespace Aankopen.Edge.Security;

/// <summary>
/// <c>Limits:MaxRequestBodyKilobytes</c> (default 256): no request of this API comes near it, so anything bigger is
/// refused before it is read. <c>Limits:WritesPerMinutePerUser</c> (default 1200, 0 for none): a runaway script or a
/// stolen token cannot flood the event store; reads are not limited.
/// </summary>
public sealed record RequestLimits(int MaxRequestBodyKilobytes, int WritesPerMinutePerUser)
{
    public const string WritePolicy = "writes";

    public static RequestLimits Read(IConfiguration configuration)
    {
        var limits = new RequestLimits(configuration.GetValue("Limits:MaxRequestBodyKilobytes", 256), configuration.GetValue("Limits:WritesPerMinutePerUser", 1200));
        if (limits.MaxRequestBodyKilobytes is < 1 or > 100_000)
            throw new InvalidOperationException($"Limits:MaxRequestBodyKilobytes is {limits.MaxRequestBodyKilobytes}; use 1 to 100000.");
        if (limits.WritesPerMinutePerUser is < 0 or > 1_000_000)
            throw new InvalidOperationException($"Limits:WritesPerMinutePerUser is {limits.WritesPerMinutePerUser}; use 0 (no limit) to 1000000.");
        return limits;
    }

    public static int MaxBodyKilobytes(HttpContext http) => http.RequestServices.GetRequiredService<RequestLimits>().MaxRequestBodyKilobytes;

    public void Configure(IServiceCollection services)
    {
        services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(o => o.Limits.MaxRequestBodySize = MaxRequestBodyKilobytes * 1024L);
        services.AddRateLimiter(o =>
        {
            // A token bucket per signed-in user: a burst of a tenth of a minute's allowance, refilled every second.
            o.AddPolicy(WritePolicy, http => WritesPerMinutePerUser == 0 || HttpMethods.IsGet(http.Request.Method)
                ? RateLimitPartition.GetNoLimiter("unlimited")
                : RateLimitPartition.GetTokenBucketLimiter(http.User.Identity?.Name ?? "anonymous", _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = Math.Max(1, WritesPerMinutePerUser / 10),
                    TokensPerPeriod = Math.Max(1, WritesPerMinutePerUser / 60),
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                }));
            o.OnRejected = async (context, ct) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "1";
                await Problems.Single(context.HttpContext, StatusCodes.Status429TooManyRequests, "too-many-writes", WritesPerMinutePerUser)
                    .ExecuteAsync(context.HttpContext);
            };
        });
    }
}
