using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Aankopen.FinanceConnector;

/// <summary>
/// What this connector knows first-hand of one administration's finance system: the state of the circuit breaker in
/// front of it, and whether the last probe got an answer. Shown on <c>/health/ready</c> under "finance-system" and as
/// the gauges <c>aankopen.finance.reachable</c> and <c>aankopen.finance.circuit.state</c> (see <see cref="LiveDestinations"/>).
/// </summary>
public sealed class FinanceReachability
{
    public enum Circuit { Closed = 0, HalfOpen = 1, Open = 2 }

    private volatile Probe? lastProbe;
    private volatile int circuit;

    public sealed record Probe(bool Answered, string Detail, DateTimeOffset At);

    public Circuit CircuitState => (Circuit)circuit;

    public Probe? LastProbe => lastProbe;

    public void CircuitChanged(Circuit state) => circuit = (int)state;

    public void Probed(Probe probe) => lastProbe = probe;

    /// <summary>
    /// Degraded rather than Unhealthy when the finance system is away: the connector itself is fine and keeps the
    /// messages queued, so a platform must not restart it or take it out of service for that.
    /// </summary>
    public HealthCheckResult Health()
    {
        var data = new Dictionary<string, object> { ["circuit"] = CircuitState.ToString() };
        if (lastProbe is { } p)
        {
            data["answered"] = p.Answered;
            data["probedAt"] = p.At;
        }
        return (CircuitState, lastProbe) switch
        {
            (Circuit.Open, _) => HealthCheckResult.Degraded("The circuit breaker is open: recent calls to the finance system failed; messages wait.", data: data),
            (_, { Answered: false } failed) => HealthCheckResult.Degraded($"The finance system did not answer the last probe: {failed.Detail}", data: data),
            (_, null) => HealthCheckResult.Healthy("Not probed yet.", data),
            _ => HealthCheckResult.Healthy("The finance system answers.", data),
        };
    }
}

/// <summary>
/// Every served finance system in one check: Degraded, naming them, when some are away. Never Unhealthy: one
/// administration's finance system being down must not take the connector, and so every other administration's
/// bookings, out of service.
/// </summary>
public sealed class FinanceReachabilityHealth(LiveDestinations destinations) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct)
    {
        var served = destinations.All;
        if (served.Count == 1)
            return Task.FromResult(served[0].Reachability.Health());
        var away = served.Select(d => (d.Config, Health: d.Reachability.Health())).Where(d => d.Health.Status != HealthStatus.Healthy).ToArray();
        var data = away.Take(50).ToDictionary(d => $"{d.Config.Tenant}/{d.Config.Administration}", d => (object)(d.Health.Description ?? ""));
        return Task.FromResult(away.Length == 0
            ? HealthCheckResult.Healthy($"All {served.Count} finance systems answer.", data)
            : HealthCheckResult.Degraded($"{away.Length} of {served.Count} finance systems are away; their messages wait, the others' go on.", data: data));
    }
}
