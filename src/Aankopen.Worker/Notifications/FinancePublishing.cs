using Aankopen.Contracts.Finance.V1;
using MassTransit;

namespace Aankopen.Worker.Notifications;

/// <summary>How a finance message goes to RabbitMQ, from the relay and from an operator's re-send alike.</summary>
public static class FinancePublishing
{
    /// <summary>One attempt, confirmed by the broker or failed within ten seconds.</summary>
    public static async Task PublishAsync(this IBus bus, FinanceMessage message, CancellationToken ct)
    {
        using var attemptTimeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        attemptTimeout.CancelAfter(TimeSpan.FromSeconds(10));
        await bus.Publish(message, message.GetType(), ctx =>
        {
            ctx.MessageId = message.MessageId;
            ctx.Headers.Set("aankopen-correlation-id", message.CorrelationId);
            ctx.Durable = true;
            // Mandatory: a message no queue takes (its queues deleted by hand) comes back as a failure instead of
            // being dropped, and is retried, then parked for its administration.
            if (ctx.TryGetPayload<RabbitMqSendContext>(out var rabbit))
                rabbit.Mandatory = true;
        }, attemptTimeout.Token);
    }
}
