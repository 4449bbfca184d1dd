using System.Text;
using Aankopen.Contracts.Finance.V1;
using Aankopen.Messaging;
using RabbitMQ.Client;

namespace Aankopen.FinanceConnector;

/// <summary>
/// The operator's tools for a connector's error queue, where a message lands after its last retry:
/// <c>list-errors</c> shows each one with the reason MassTransit recorded, <c>replay-errors</c> moves them back to
/// the connector's queue once the cause is fixed. Replaying is safe: the finance system acts once per business key.
/// </summary>
public static class ErrorQueue
{
    public const string List = "list-errors";
    public const string Replay = "replay-errors";

    public sealed record ErrorMessage(string? MessageId, string? MessageType, string? Reason, DateTimeOffset? FailedAt);

    public static async Task<IReadOnlyList<ErrorMessage>> ListAsync(RabbitMqSettings rabbit, string administration, CancellationToken ct)
    {
        await using var connection = await Factory(rabbit).CreateConnectionAsync(ct);
        if (!await ExistsAsync(connection, administration, ct))
            return [];
        await using var channel = await connection.CreateChannelAsync(cancellationToken: ct);
        var found = new List<ErrorMessage>();
        // Everything read without acknowledging goes back to the queue, in order, when the channel closes.
        while (await channel.BasicGetAsync(FinanceRouting.ErrorQueueFor(administration), autoAck: false, ct) is { } message)
        {
            var headers = message.BasicProperties.Headers ?? new Dictionary<string, object?>();
            found.Add(new ErrorMessage(message.BasicProperties.MessageId, Header(headers, "MT-Fault-MessageType") ?? message.BasicProperties.Type,
                Header(headers, "MT-Fault-Message") ?? Header(headers, "MT-Reason"),
                DateTimeOffset.TryParse(Header(headers, "MT-Fault-Timestamp"), out var at) ? at : null));
        }
        return found;
    }

    /// <returns>How many messages went back to the connector's queue.</returns>
    public static async Task<int> ReplayAsync(RabbitMqSettings rabbit, string administration, CancellationToken ct)
    {
        await using var connection = await Factory(rabbit).CreateConnectionAsync(ct);
        if (!await ExistsAsync(connection, administration, ct))
            return 0;
        await using var channel = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), ct);
        var moved = 0;
        while (await channel.BasicGetAsync(FinanceRouting.ErrorQueueFor(administration), autoAck: false, ct) is { } message)
        {
            // Published (and confirmed) before the error copy is acknowledged: a crash in between leaves a duplicate,
            // which the idempotency key absorbs, never a loss.
            await channel.BasicPublishAsync("", FinanceRouting.QueueFor(administration), mandatory: true,
                new BasicProperties(message.BasicProperties), message.Body, ct);
            await channel.BasicAckAsync(message.DeliveryTag, multiple: false, ct);
            moved++;
        }
        return moved;
    }

    /// <summary>MassTransit creates the error queue with the first failure; before that there is nothing to list.</summary>
    private static async Task<bool> ExistsAsync(IConnection connection, string administration, CancellationToken ct)
    {
        // A passive declare of a missing queue closes its channel, so it gets a channel of its own.
        await using var probe = await connection.CreateChannelAsync(cancellationToken: ct);
        try
        {
            await probe.QueueDeclarePassiveAsync(FinanceRouting.ErrorQueueFor(administration), ct);
            return true;
        }
        catch (RabbitMQ.Client.Exceptions.OperationInterruptedException e) when (e.ShutdownReason?.ReplyCode == 404)
        {
            return false;
        }
    }

    private static ConnectionFactory Factory(RabbitMqSettings rabbit) => new()
    {
        HostName = rabbit.Host, Port = rabbit.Port, VirtualHost = rabbit.VirtualHost, UserName = rabbit.Username, Password = rabbit.Password,
    };

    private static string? Header(IDictionary<string, object?> headers, string name) => headers.TryGetValue(name, out var value) ? value switch
    {
        byte[] bytes => Encoding.UTF8.GetString(bytes),
        null => null,
        _ => value.ToString(),
    } : null;
}
