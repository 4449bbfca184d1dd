using System.Collections.Concurrent;
using Aankopen.Contracts.Finance.V1;
using RabbitMQ.Client;

namespace Aankopen.Messaging;

/// <summary>
/// Every known administration's two queues (one per lane) and their bindings, declared by the publishing side: when an
/// administration is registered, and before the relay's first message to it in a process. Its messages then wait in
/// its own queues until its connector starts, and nothing is ever unroutable for a known administration. The
/// declarations are the ones the connector makes (durable quorum queues with a single active consumer, a binding per routing key), so either side may
/// come first.
/// </summary>
public sealed class FinanceQueues(RabbitMqSettings settings) : IAsyncDisposable
{
    private static readonly Dictionary<string, object?> Arguments = new(FinanceRouting.QueueArguments);

    private readonly ConcurrentDictionary<(string Tenant, string Code), bool> declared = new();
    private readonly SharedBrokerConnection broker = new(settings, "aankopen-finance-queues");

    /// <summary>Declares the administration's queues unless this process already did.</summary>
    public Task EnsureAsync(string tenant, string administration, CancellationToken ct) =>
        declared.ContainsKey((tenant, administration)) ? Task.CompletedTask : DeclareAsync(tenant, administration, ct);

    /// <summary>Declares them again whatever this process knows (an operator may have deleted them since).</summary>
    public async Task DeclareAsync(string tenant, string administration, CancellationToken ct)
    {
        var channel = await broker.ChannelAsync(null, ct);
        try
        {
            await DeclareOnAsync(channel, tenant, administration, ct);
        }
        finally
        {
            await SharedBrokerConnection.DisposeQuietlyAsync(channel);
        }
        declared[(tenant, administration)] = true;
    }

    public ValueTask DisposeAsync() => broker.DisposeAsync();

    private static async Task DeclareOnAsync(IChannel channel, string tenant, string administration, CancellationToken ct)
    {
        await channel.ExchangeDeclareAsync(FinanceRouting.Exchange, ExchangeType.Direct, durable: true, autoDelete: false, cancellationToken: ct);
        foreach (var lane in FinanceRouting.Lanes)
        {
            var queue = FinanceRouting.QueueFor(tenant, administration, lane);
            await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false, arguments: Arguments, cancellationToken: ct);
            await channel.QueueBindAsync(queue, FinanceRouting.Exchange, FinanceRouting.RoutingKeyFor(tenant, administration, lane), cancellationToken: ct);
        }
    }

    /// <summary>Declared again before the next message: the broker returned one, so its queues are not what this process thinks.</summary>
    public void Forget(string tenant, string administration) => declared.TryRemove((tenant, administration), out _);

    /// <summary>
    /// Whether RabbitMQ, answering, refused this message: returned it (no queue takes it), could not be given it (it
    /// cannot be written), or refused its queues' declaration. Anything else (a nack, a timeout, a lost or blocked
    /// connection, a reconnecting bus) means the broker is away or busy, which holds back every message alike: a
    /// quorum queue nacks while it elects a new leader, and the message goes through once it has one.
    /// </summary>
    public static bool IsRefusal(Exception failure)
    {
        for (var e = failure; e is not null; e = e.InnerException)
            if (e is MassTransit.MessageReturnedException or RabbitMQ.Client.Exceptions.PublishException { IsReturn: true } or System.Text.Json.JsonException or NotSupportedException
                or RabbitMQ.Client.Exceptions.OperationInterruptedException { ShutdownReason.ReplyCode: 403 or 404 or 406 })
                return true;
        return false;
    }
}
