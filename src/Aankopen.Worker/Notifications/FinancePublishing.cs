using Aankopen.Contracts.Finance.V1;
using Aankopen.Messaging;

namespace Aankopen.Worker.Notifications;

/// <summary>How a finance message goes to RabbitMQ, from the relay and from an operator's re-send alike.</summary>
public static class FinancePublishing
{
    /// <summary>
    /// One attempt, confirmed by the broker or failed within ten seconds. Mandatory: a message no queue takes (its
    /// queues deleted by hand) comes back as a failure instead of being dropped, and is retried, then parked for its administration.
    /// </summary>
    public static async Task PublishAsync(this FinanceMessagePublisher publisher, FinanceMessage message, CancellationToken ct)
    {
        using var attemptTimeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        attemptTimeout.CancelAfter(TimeSpan.FromSeconds(10));
        await publisher.PublishAsync(message, new Dictionary<string, string> { ["aankopen-correlation-id"] = message.CorrelationId }, attemptTimeout.Token);
    }
}
