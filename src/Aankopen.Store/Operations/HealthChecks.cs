using Aankopen.Contracts.Finance.V1;
using Aankopen.Store.Notifications.Deliveries;
using Marten;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Aankopen.Store.Operations;

/// <summary>
/// <c>/health/live</c>: the process answers (for a liveness probe: restart it when this fails).
/// <c>/health/ready</c>: each dependency on its own line: PostgreSQL, what the connectors last said about each finance
/// system and, in the worker, RabbitMQ and the daemon's lag behind the newest event. 503 only when this process cannot
/// serve (PostgreSQL down); a broker outage or a lagging daemon is "Degraded" (the API still takes decisions, messages
/// wait), as is a finance system the connector cannot reach.
/// </summary>
public static class HealthChecks
{
    public const string Ready = Observability.Probes.Ready;

    /// <param name="daemonRunsHere">The worker: its readiness also names the daemon's lag.</param>
    public static IHealthChecksBuilder AddAankopenHealthChecks(this IServiceCollection services, bool daemonRunsHere)
    {
        var checks = services.AddHealthChecks()
            .AddCheck<PostgresHealth>("postgresql", HealthStatus.Unhealthy, [Ready])
            .AddCheck<FinanceSystemsHealth>("finance-systems", HealthStatus.Degraded, [Ready]);
        if (daemonRunsHere)
            checks.AddCheck<DaemonLagHealth>("daemon", HealthStatus.Degraded, [Ready]);
        return checks;
    }
}

public sealed class PostgresHealth(IDocumentStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct)
    {
        try
        {
            await using var session = store.QuerySession();
            await session.QueryAsync<int>("select 1", ct);
            return HealthCheckResult.Healthy("PostgreSQL answers.");
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy($"PostgreSQL does not answer: {e.Message} Check ConnectionStrings:Aankopen.");
        }
    }
}

/// <summary>How far the daemon (projections and finance relay) is behind the newest event.</summary>
public sealed class DaemonLagHealth(IDocumentStore store, IConfiguration configuration) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct)
    {
        var threshold = configuration.GetValue("Health:MaxDaemonLagEvents", 1_000L);
        var (newest, shards) = await DaemonLag.ReadAsync(store, ct);
        var lag = shards.Count == 0 ? 0 : shards.Values.Max();
        var data = new Dictionary<string, object> { ["newestEvent"] = newest, ["lagEvents"] = lag };
        foreach (var (shard, behind) in shards)
            data[shard] = newest - behind;
        return lag <= threshold
            ? HealthCheckResult.Healthy($"The daemon is {lag} events behind.", data)
            : HealthCheckResult.Degraded($"The daemon is {lag} events behind (more than Health:MaxDaemonLagEvents = {threshold}): finance messages and read models are late.", data: data);
    }
}

/// <summary>
/// What each administration's connector said last: a finance system whose latest report is Retrying or Failed is
/// not taking bookings. The connectors run elsewhere; their delivery reports are what this service knows of them.
/// </summary>
public sealed class FinanceSystemsHealth(IDocumentStore store, Edge.Tenancy.Tenants tenants) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct)
    {
        var latest = new Dictionary<string, DeliveryRecord>();
        foreach (var tenant in tenants.Ids)
        {
            await using var session = store.QuerySession(tenant);
            var recent = await session.Query<DeliveryRecord>().OrderByDescending(r => r.UpdatedAt).Take(500).ToListAsync(ct);
            // Named with the tenant where there are several, since codes repeat between municipalities.
            foreach (var g in recent.GroupBy(r => r.Administration))
                latest[tenants.Ids.Count == 1 ? g.Key : $"{tenant}/{g.Key}"] = g.First();
        }
        var data = latest.ToDictionary(p => p.Key, p => (object)$"{p.Value.Status} at {p.Value.UpdatedAt:u}");
        var failing = latest.Where(p => p.Value.Status is DeliveryStatus.Retrying or DeliveryStatus.Failed).Select(p => p.Key).Order().ToArray();
        return failing.Length == 0
            ? HealthCheckResult.Healthy("Every finance system took its latest message.", data)
            : HealthCheckResult.Degraded($"Not taking bookings now: {string.Join(", ", failing)} (see GET /api/deliveries?status=Retrying).", data: data);
    }
}
