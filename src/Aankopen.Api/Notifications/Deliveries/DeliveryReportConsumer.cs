using Aankopen.Contracts.Finance.V1;
using Marten;
using MassTransit;

namespace Aankopen.Api.Notifications.Deliveries;

/// <summary>
/// Keeps the latest word of the finance connectors per message, for the delivery-status endpoint. Reports come in
/// batches (one per booking, so thousands a second while a backlog drains): one read and one transaction per batch
/// instead of per report.
/// </summary>
public sealed class DeliveryReportConsumer(IDocumentStore store) : IConsumer<Batch<DeliveryReport>>
{
    public const int BatchSize = 100;

    public async Task Consume(ConsumeContext<Batch<DeliveryReport>> context)
    {
        // Each report is kept in the tenant of the message it is about.
        foreach (var tenant in context.Message.Select(m => m.Message).GroupBy(r => r.Tenant))
        {
            var reports = tenant.ToArray();
            await using var session = store.LightweightSession(tenant.Key);
            var ids = reports.Select(r => r.MessageId).Distinct().ToArray();
            var current = (await session.LoadManyAsync<DeliveryRecord>(context.CancellationToken, ids)).ToDictionary(r => r.Id);
            foreach (var report in reports)
                current[report.MessageId] = DeliveryRecord.Merge(current.GetValueOrDefault(report.MessageId), report);
            session.Store(current.Values.ToArray());
            await session.SaveChangesAsync(context.CancellationToken);
        }
    }
}
