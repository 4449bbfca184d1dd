using System.Diagnostics.Metrics;
using Aankopen.Contracts.Finance.V1;

namespace Aankopen.Worker.Notifications;

/// <summary>Finance messages the relay handed to RabbitMQ (confirmed by the broker), per administration.</summary>
public static class RelayMetrics
{
    private static readonly Counter<long> PublishedMessages = Observability.Telemetry.Meter.CreateCounter<long>(
        "aankopen.finance.messages.published", "{message}", "Finance messages published and confirmed by the broker.");

    public static void Published(FinanceMessage message) =>
        PublishedMessages.Add(1,
            new("aankopen.tenant", message.Tenant),
            new("aankopen.administration", message.AdministrationCode),
            new("aankopen.message_type", message.GetType().Name));
}
