using System.Diagnostics.Metrics;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Aankopen.FinanceConnector;

/// <summary>
/// What this connector knows first-hand of its finance system: the state of the circuit breaker in front of it,
/// and whether the last probe got an answer. Shown on <c>/health/ready</c> as "finance-system" and as the
/// gauges <c>aankopen.finance.reachable</c> and <c>aankopen.finance.circuit.state</c>.
/// </summary>
public sealed class FinanceReachability
{
    public enum Circuit { Closed = 0, HalfOpen = 1, Open = 2 }

    private volatile Probe? lastProbe;
    private volatile int circuit;

    public sealed record Probe(bool Answered, string Detail, DateTimeOffset At);

    public FinanceReachability(ConnectorSettings settings)
    {
        KeyValuePair<string, object?>[] tags = [new("aankopen.tenant", settings.Tenant), new("aankopen.administration", settings.Administration)];
        Observability.Telemetry.Meter.CreateObservableGauge("aankopen.finance.circuit.state", () => new Measurement<int>(circuit, tags),
            description: "Circuit breaker in front of the finance system: 0 closed, 1 half-open, 2 open.");
        Observability.Telemetry.Meter.CreateObservableGauge("aankopen.finance.reachable",
            () => lastProbe is { } p ? [new Measurement<int>(p.Answered ? 1 : 0, tags)] : Array.Empty<Measurement<int>>(),
            description: "1 when the finance system answered the connector's last probe, 0 when it did not.");
    }

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

public sealed class FinanceReachabilityHealth(FinanceReachability reachability) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct) => Task.FromResult(reachability.Health());
}
