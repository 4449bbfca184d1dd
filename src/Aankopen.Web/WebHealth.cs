using Aankopen.Web.Sessions;
using Marten;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Aankopen.Web;

/// <summary>
/// <c>/health/ready</c> of the web application: the sessions' database (without it nobody stays signed in: 503) and the
/// API (without it the pages show refusals, but sign-in and the way back still work: Degraded).
/// </summary>
public static class WebHealth
{
    public static IServiceCollection AddWebHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<SessionsHealth>("sessions", HealthStatus.Unhealthy, [Observability.Probes.Ready])
            .AddCheck<ApiHealth>("api", HealthStatus.Degraded, [Observability.Probes.Ready]);
        return services;
    }

    private sealed class SessionsHealth(IDocumentStore store) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct)
        {
            try
            {
                await using var session = store.QuerySession();
                await session.Query<PageSession>().AnyAsync(ct);
                return HealthCheckResult.Healthy("The sessions' database answers.");
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException)
            {
                return HealthCheckResult.Unhealthy($"The sessions' database does not answer: {e.Message} Check ConnectionStrings:Aankopen.");
            }
        }
    }

    private sealed class ApiHealth(PageApi api, IHttpClientFactory clients) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct)
        {
            var address = new Uri(api.Address, "health/live");
            try
            {
                using var client = clients.CreateClient();
                client.Timeout = TimeSpan.FromSeconds(5);
                using var answer = await client.GetAsync(address, ct);
                return answer.IsSuccessStatusCode
                    ? HealthCheckResult.Healthy($"The API answers at {api.Address}.")
                    : HealthCheckResult.Degraded($"The API at {api.Address} answers {(int)answer.StatusCode}. Check Web:ApiAddress.");
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                return HealthCheckResult.Degraded($"The API does not answer at {api.Address}: {e.Message} Check Web:ApiAddress.");
            }
        }
    }
}
