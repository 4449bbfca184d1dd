using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Aankopen.FinanceConnector;

/// <summary>
/// "queues" on <c>/health/ready</c>: Degraded, naming them, when queues this connector should consume could not be
/// declared (the broker refused them), or have had no running consumer for over a minute (never started, or faulted
/// and not back). Their messages wait safely, but nobody books them until the connector is restarted;
/// an operator (or an alert on this check) is the one to do it. Not Unhealthy: the other administrations are served.
/// </summary>
public sealed class QueueConsumptionHealth(QueueAssignments assignments) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct)
    {
        var (stuck, undeclared) = (assignments.NotConsuming(), assignments.Undeclared);
        if (undeclared.Count > 0)
            return Task.FromResult(HealthCheckResult.Degraded($"The queues of {undeclared.Count} administration(s) could not be declared, so nothing consumes them: "
                + $"{Listed(undeclared)}. Fix or delete the queue the broker names; it is tried again every few seconds."));
        return Task.FromResult(stuck.Count == 0
            ? HealthCheckResult.Healthy($"{assignments.Subscribed} administration(s) consumed.")
            : HealthCheckResult.Degraded($"The queues of {stuck.Count} administration(s) have had no running consumer for over {QueueAssignments.StartPatience.TotalSeconds:0} s: "
                + $"{Listed(stuck)}. Their messages wait. Unless the rabbitmq check says the broker is away, restart this connector."));
    }

    private static string Listed(IReadOnlyList<string> names) => string.Join("; ", names.Take(10)) + (names.Count > 10 ? "; …" : "");
}
