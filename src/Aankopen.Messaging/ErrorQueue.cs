using System.Text;
using Aankopen.Contracts.Finance.V1;
using RabbitMQ.Client;

namespace Aankopen.Messaging;

/// <summary>
/// The operator's tools for an administration's error queues (one per lane), where a message lands after its last
/// retry: <c>list-errors</c> shows each one with the reason MassTransit recorded, <c>replay-errors</c> moves them back
/// to the queue they came from once the cause is fixed. Replaying is
/// safe: the finance system acts once per business key.
/// </summary>
public static class ErrorQueue
{
    public const string List = "list-errors";
    public const string Replay = "replay-errors";

    public sealed record ErrorMessage(string? MessageId, string? MessageType, string? Reason, DateTimeOffset? FailedAt, string Queue);

    public static async Task<IReadOnlyList<ErrorMessage>> ListAsync(RabbitMqSettings rabbit, string tenant, string administration, CancellationToken ct)
    {
        await using var connection = await BrokerConnections.OpenAsync(rabbit, ct);
        var found = new List<ErrorMessage>();
        foreach (var lane in await ExistingAsync(connection, tenant, administration, ct))
        {
            await using var channel = await connection.CreateChannelAsync(cancellationToken: ct);
            var queue = FinanceRouting.ErrorQueueFor(tenant, administration, lane);
            // Everything read without acknowledging goes back to the queue, in order, when the channel closes.
            while (await channel.BasicGetAsync(queue, autoAck: false, ct) is { } message)
            {
                var headers = message.BasicProperties.Headers ?? new Dictionary<string, object?>();
                found.Add(new ErrorMessage(message.BasicProperties.MessageId, Header(headers, "MT-Fault-MessageType") ?? message.BasicProperties.Type,
                    Header(headers, "MT-Fault-Message") ?? Header(headers, "MT-Reason"),
                    DateTimeOffset.TryParse(Header(headers, "MT-Fault-Timestamp"), out var at) ? at : null, queue));
            }
        }
        return found;
    }

    /// <returns>How many messages went back to the connector's queue.</returns>
    public static async Task<int> ReplayAsync(RabbitMqSettings rabbit, string tenant, string administration, CancellationToken ct)
    {
        await using var connection = await BrokerConnections.OpenAsync(rabbit, ct);
        var moved = 0;
        foreach (var lane in await ExistingAsync(connection, tenant, administration, ct))
        {
            await using var channel = await connection.CreateChannelAsync(
                new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), ct);
            while (await channel.BasicGetAsync(FinanceRouting.ErrorQueueFor(tenant, administration, lane), autoAck: false, ct) is { } message)
            {
                // Published (and confirmed) before the error copy is acknowledged: a crash in between leaves a
                // duplicate, which the idempotency key absorbs, never a loss.
                await channel.BasicPublishAsync("", FinanceRouting.QueueFor(tenant, administration, lane), mandatory: true,
                    new BasicProperties(message.BasicProperties), message.Body, ct);
                await channel.BasicAckAsync(message.DeliveryTag, multiple: false, ct);
                moved++;
            }
        }
        return moved;
    }

    /// <summary>
    /// How many consumers (connector replicas subscribed, the active one and those standing by) are on an administration's
    /// queues, and how many messages wait there: zero consumers means nobody books that administration's messages.
    /// </summary>
    public static async Task<(int Consumers, long Waiting, int Queues)> AttendanceAsync(RabbitMqSettings rabbit, string tenant, string administration, CancellationToken ct)
    {
        await using var connection = await BrokerConnections.OpenAsync(rabbit, ct);
        return await AttendanceAsync(connection, tenant, administration, ct);
    }

    /// <summary>The same on a connection the caller keeps, for counting many administrations in a row.</summary>
    public static async Task<(int Consumers, long Waiting, int Queues)> AttendanceAsync(IConnection connection, string tenant, string administration, CancellationToken ct)
    {
        var (consumers, waiting, queues) = (0, 0L, 0);
        foreach (var lane in FinanceRouting.Lanes)
            if (await DeclaredAsync(connection, FinanceRouting.QueueFor(tenant, administration, lane), ct) is { } queue)
            {
                consumers += (int)queue.ConsumerCount;
                waiting += queue.MessageCount;
                queues++;
            }
        return (consumers, waiting, queues);
    }

    /// <summary>
    /// The lanes whose error queue exists: MassTransit creates one with its queue's first failure; before that
    /// there is nothing to list.
    /// </summary>
    private static async Task<IReadOnlyList<FinanceLane>> ExistingAsync(IConnection connection, string tenant, string administration, CancellationToken ct)
    {
        var lanes = new List<FinanceLane>();
        foreach (var lane in FinanceRouting.Lanes)
            if (await DeclaredAsync(connection, FinanceRouting.ErrorQueueFor(tenant, administration, lane), ct) is not null)
                lanes.Add(lane);
        return lanes;
    }

    /// <summary>What the broker says of a queue, or null when it does not exist.</summary>
    private static async Task<QueueDeclareOk?> DeclaredAsync(IConnection connection, string queue, CancellationToken ct)
    {
        // A passive declare of a missing queue closes its channel, so each gets a channel of its own.
        await using var probe = await connection.CreateChannelAsync(cancellationToken: ct);
        try
        {
            return await probe.QueueDeclarePassiveAsync(queue, ct);
        }
        catch (RabbitMQ.Client.Exceptions.OperationInterruptedException e) when (e.ShutdownReason?.ReplyCode == 404)
        {
            return null;
        }
    }

    private static string? Header(IDictionary<string, object?> headers, string name) => headers.TryGetValue(name, out var value) ? value switch
    {
        byte[] bytes => Encoding.UTF8.GetString(bytes),
        null => null,
        _ => value.ToString(),
    } : null;
}
