using Aankopen.Contracts.Finance.V1;

namespace Aankopen.Messaging;

/// <summary>
/// Publishes finance messages to the finance exchange, routed by tenant, administration and lane, on confirmed channels
/// of its own (<see cref="ConfirmedPublisher"/>, and there why not through MassTransit's bus); the connectors read them
/// as MassTransit messages.
/// </summary>
public sealed class FinanceMessagePublisher(RabbitMqSettings settings) : IAsyncDisposable
{
    private readonly ConfirmedPublisher publisher = new(settings, "aankopen-finance-publisher");

    /// <summary>One attempt: returns once the broker confirmed the message, throws when it refused it, could not be reached or did not answer in time.</summary>
    public Task PublishAsync(FinanceMessage message, IReadOnlyDictionary<string, string> headers, CancellationToken ct) =>
        publisher.PublishAsync(FinanceRouting.Exchange, FinanceRouting.RoutingKeyFor(message), mandatory: true, message, message.MessageId, headers, ct);

    public ValueTask DisposeAsync() => publisher.DisposeAsync();
}
