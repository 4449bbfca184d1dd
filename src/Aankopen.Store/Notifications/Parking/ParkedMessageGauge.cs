using System.Diagnostics.Metrics;
using Marten;

namespace Aankopen.Store.Notifications.Parking;

/// <summary>
/// <c>aankopen.finance.messages.parked</c>: parked finance messages per tenant and administration, every tenant's,
/// sampled with the daemon's lag (a gauge's callback must not wait on the database). Any value above zero needs an
/// operator (the alert rule in infra/k8s/alerts.yaml).
/// </summary>
public static class ParkedMessageGauge
{
    private static volatile IReadOnlyList<(string Tenant, string Administration, int Count)> latest = [];

    static ParkedMessageGauge() =>
        Observability.Telemetry.Meter.CreateObservableGauge("aankopen.finance.messages.parked",
            () => latest.Select(p => new Measurement<int>(p.Count,
                new KeyValuePair<string, object?>("aankopen.tenant", p.Tenant), new KeyValuePair<string, object?>("aankopen.administration", p.Administration))),
            "{message}", "Finance messages the relay parked, waiting for an operator to re-send them.");

    public static async Task SampleAsync(IDocumentStore store, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var parked = await session.Query<ParkedFinanceMessage>().Where(p => p.AnyTenant()).Select(p => new { p.Tenant, p.Administration }).ToListAsync(ct);
        latest = parked.GroupBy(p => (p.Tenant, p.Administration)).Select(g => (g.Key.Tenant, g.Key.Administration, g.Count())).ToArray();
    }
}
