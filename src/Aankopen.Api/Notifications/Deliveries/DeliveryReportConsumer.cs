using Aankopen.Contracts.Finance.V1;
using Marten;
using MassTransit;

namespace Aankopen.Api.Notifications.Deliveries;

/// <summary>Keeps the latest word of the finance connectors per message, for the delivery-status endpoint.</summary>
public sealed class DeliveryReportConsumer(IDocumentStore store) : IConsumer<DeliveryReport>
{
    public async Task Consume(ConsumeContext<DeliveryReport> context)
    {
        await using var session = store.LightweightSession();
        var current = await session.LoadAsync<DeliveryRecord>(context.Message.MessageId, context.CancellationToken);
        session.Store(DeliveryRecord.Merge(current, context.Message));
        await session.SaveChangesAsync(context.CancellationToken);
    }
}
