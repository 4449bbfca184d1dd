using System.Diagnostics.Metrics;
using Aankopen.Contracts.Finance.V1;

namespace Aankopen.FinanceConnector;

/// <summary>Outcomes of delivery attempts (delivered, retrying, failed) per administration and message type.</summary>
public static class DeliveryMetrics
{
    private static readonly Counter<long> Deliveries = Observability.Telemetry.Meter.CreateCounter<long>(
        "aankopen.finance.deliveries", "{attempt}", "Delivery attempts to the finance system, by outcome.");

    public static void Record(FinanceMessage message, string messageType, DeliveryStatus status) =>
        Deliveries.Add(1,
            new("aankopen.tenant", message.Tenant),
            new("aankopen.administration", message.AdministrationCode),
            new("aankopen.message_type", messageType),
            new("aankopen.outcome", status.ToString().ToLowerInvariant()));
}
