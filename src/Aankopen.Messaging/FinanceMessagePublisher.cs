using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Aankopen.Contracts.Finance.V1;
using MassTransit;
using RabbitMQ.Client;

namespace Aankopen.Messaging;

/// <summary>
/// Publishes finance messages to RabbitMQ on channels of its own, in MassTransit's JSON envelope so the connectors
/// read them as before, each publish confirmed by the broker (and returned when no queue takes it).
/// <para>
/// Why not through MassTransit's bus: in a RabbitMQ 3.10 cluster, after the node leading a quorum queue dies, the
/// broker kept refusing (nacking) every later publish on the channel that had published to that queue, for as long
/// as the channel lived, while a new channel's publishes went through (ClusterTests showed it). MassTransit keeps its
/// channel. Here a channel that saw any failure is closed, and the next attempt takes a fresh one.
/// </para>
/// </summary>
public sealed class FinanceMessagePublisher(RabbitMqSettings settings) : IAsyncDisposable
{
    public const string ContentType = "application/vnd.masstransit+json";

    private static readonly CreateChannelOptions Confirmed = new(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true);

    private readonly SharedBrokerConnection broker = new(settings, "aankopen-finance-publisher");
    private readonly ConcurrentBag<IChannel> idle = [];

    /// <summary>One attempt: returns once the broker confirmed the message, throws when it refused it or could not be reached.</summary>
    public async Task PublishAsync(FinanceMessage message, IReadOnlyDictionary<string, string> headers, CancellationToken ct)
    {
        var channel = await RentAsync(ct);
        var healthy = false;
        try
        {
            var transportHeaders = headers.ToDictionary(h => h.Key, h => (object?)h.Value);
            // The trace of the request that recorded the decision continues in the connector, as MassTransit carries it.
            if (Activity.Current?.Id is { } activity)
                transportHeaders["MT-Activity-Id"] = activity;
            var properties = new BasicProperties
            {
                MessageId = message.MessageId.ToString(),
                ContentType = ContentType,
                DeliveryMode = DeliveryModes.Persistent,
                Headers = transportHeaders,
            };
            await channel.BasicPublishAsync(FinanceRouting.Exchange, FinanceRouting.RoutingKeyFor(message), mandatory: true, properties,
                Envelope(message, transportHeaders), ct);
            healthy = true;
        }
        finally
        {
            if (healthy)
                idle.Add(channel);
            else
                await SharedBrokerConnection.DisposeQuietlyAsync(channel);
        }
    }

    public async ValueTask DisposeAsync()
    {
        while (idle.TryTake(out var channel))
            await SharedBrokerConnection.DisposeQuietlyAsync(channel);
        await broker.DisposeAsync();
    }

    /// <summary>The envelope MassTransit's consumers expect: the message under <c>message</c>, its type's URN under <c>messageType</c>.</summary>
    private static byte[] Envelope(FinanceMessage message, IReadOnlyDictionary<string, object?> headers) =>
        JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object?>
        {
            ["messageId"] = message.MessageId,
            ["destinationAddress"] = $"exchange:{FinanceRouting.Exchange}",
            ["messageType"] = new[] { MessageUrn.ForTypeString(message.GetType()) },
            ["message"] = message,
            ["sentTime"] = DateTime.UtcNow,
            ["headers"] = headers,
        }, MassTransit.Serialization.SystemTextJsonMessageSerializer.Options);

    private async Task<IChannel> RentAsync(CancellationToken ct)
    {
        while (idle.TryTake(out var channel))
        {
            if (channel.IsOpen)
                return channel;
            await SharedBrokerConnection.DisposeQuietlyAsync(channel);
        }
        return await broker.ChannelAsync(Confirmed, ct);
    }
}
