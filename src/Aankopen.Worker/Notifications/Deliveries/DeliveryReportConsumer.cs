using Aankopen.Contracts.Finance.V1;
using Aankopen.Store.Notifications.Deliveries;
using Marten;
using MassTransit;

namespace Aankopen.Worker.Notifications.Deliveries;

/// <summary>
/// Keeps the latest word of the finance connectors per message, for the delivery-status endpoint. Connectors send
/// their reports in <see cref="DeliveryReportBatch"/>es, and MassTransit hands them over several messages at a time:
/// one read and one transaction per tenant for all of them instead of per report, while a backlog drains.
/// </summary>
public sealed class DeliveryReportConsumer(IDocumentStore store) : IConsumer<Batch<DeliveryReportBatch>>
{
    public const int BatchSize = 100;

    public Task Consume(ConsumeContext<Batch<DeliveryReportBatch>> context) =>
        StoreAsync(store, context.Message.SelectMany(m => m.Message.Reports), context.CancellationToken);

    public static async Task StoreAsync(IDocumentStore store, IEnumerable<DeliveryReport> reports, CancellationToken ct)
    {
        // Each report is kept in the tenant of the message it is about.
        foreach (var tenant in reports.GroupBy(r => r.Tenant))
        {
            var ofTenant = tenant.ToArray();
            await using var session = store.LightweightSession(tenant.Key);
            var ids = ofTenant.Select(r => r.MessageId).Distinct().ToArray();
            var current = (await session.LoadManyAsync<DeliveryRecord>(ct, ids)).ToDictionary(r => r.Id);
            foreach (var report in ofTenant)
                current[report.MessageId] = DeliveryRecord.Merge(current.GetValueOrDefault(report.MessageId), report);
            session.Store(current.Values.ToArray());
            await session.SaveChangesAsync(ct);
        }
    }
}

/// <summary>Reports one per message, as connectors of earlier releases send them; stored the same way.</summary>
public sealed class SingleDeliveryReportConsumer(IDocumentStore store) : IConsumer<Batch<DeliveryReport>>
{
    public Task Consume(ConsumeContext<Batch<DeliveryReport>> context) =>
        DeliveryReportConsumer.StoreAsync(store, context.Message.Select(m => m.Message), context.CancellationToken);
}
