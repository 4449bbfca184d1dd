using System.Collections.Concurrent;
using Aankopen.Contracts.Finance.V1;
using RabbitMQ.Client;

namespace Aankopen.Messaging;

/// <summary>
/// Every known administration's shard queues and their bindings, declared by the publishing side: when an
/// administration is registered, and before the relay's first message to it in a process. Its messages then wait in
/// its own queues until its connector starts, and nothing is ever unroutable for a known administration. The
/// declarations are the ones the connector makes (durable quorum queues, a binding per routing key), so either side may
/// come first.
/// </summary>
public sealed class FinanceQueues(RabbitMqSettings settings)
{
    private static readonly Dictionary<string, object?> Quorum = new() { ["x-queue-type"] = "quorum" };

    private readonly ConcurrentDictionary<(string Tenant, string Code), bool> declared = new();

    /// <summary>Declares the administration's queues unless this process already did.</summary>
    public Task EnsureAsync(string tenant, string administration, CancellationToken ct) =>
        declared.ContainsKey((tenant, administration)) ? Task.CompletedTask : DeclareAsync(tenant, administration, ct);

    /// <summary>Declares them again whatever this process knows (an operator may have deleted them since).</summary>
    public async Task DeclareAsync(string tenant, string administration, CancellationToken ct)
    {
        await using var connection = await ErrorQueue.Factory(settings).CreateConnectionAsync(ct);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: ct);
        await channel.ExchangeDeclareAsync(FinanceRouting.Exchange, ExchangeType.Direct, durable: true, autoDelete: false, cancellationToken: ct);
        for (var shard = 0; shard < FinanceRouting.Shards; shard++)
        {
            var queue = FinanceRouting.QueueFor(tenant, administration, shard);
            await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false, arguments: Quorum, cancellationToken: ct);
            await channel.QueueBindAsync(queue, FinanceRouting.Exchange, FinanceRouting.RoutingKeyFor(tenant, administration, shard), cancellationToken: ct);
        }
        declared[(tenant, administration)] = true;
    }

    /// <summary>
    /// Whether the broker is there and answering: a message it still refuses then is refused for reasons of its own
    /// (its routing, its content), not because RabbitMQ is away, which holds back every message alike.
    /// </summary>
    public async Task<bool> BrokerAnswersAsync(CancellationToken ct)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            await using var connection = await ErrorQueue.Factory(settings).CreateConnectionAsync(timeout.Token);
            await using var channel = await connection.CreateChannelAsync(cancellationToken: timeout.Token);
            return channel.IsOpen;
        }
        catch (Exception) when (!ct.IsCancellationRequested)
        {
            return false;
        }
    }
}
