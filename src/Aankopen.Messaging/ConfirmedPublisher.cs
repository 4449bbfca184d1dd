using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using MassTransit;
using RabbitMQ.Client;

namespace Aankopen.Messaging;

/// <summary>
/// Publishes messages on channels of its own, in MassTransit's JSON envelope so that MassTransit consumers read them,
/// each publish confirmed by the broker (and returned when no queue takes it).
/// <para>
/// Why not through MassTransit's bus: a channel can stop working without closing. In a RabbitMQ 3.10 cluster, after the
/// node leading a quorum queue died, the broker nacked every later publish on the channel that had published to it,
/// while a new channel's went through (ClusterTests showed it); and under the regional benchmark's load the client
/// (RabbitMQ.Client 7.2) waited for ever for confirmations the broker had already sent. MassTransit keeps its channel
/// and waits. Here a publish that is not confirmed within <see cref="ConfirmTimeout"/> fails, and a channel that saw
/// any failure is closed: the next attempt takes a fresh one.
/// </para>
/// </summary>
public sealed class ConfirmedPublisher(RabbitMqSettings settings, string connectionName) : IAsyncDisposable
{
    public const string ContentType = "application/vnd.masstransit+json";

    /// <summary>A confirmation normally takes milliseconds, a quorum queue's leader election a few seconds.</summary>
    public static readonly TimeSpan ConfirmTimeout = TimeSpan.FromSeconds(15);

    private static readonly CreateChannelOptions Confirmed = new(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true);

    private readonly SharedBrokerConnection broker = new(settings, connectionName);
    private readonly ConcurrentBag<IChannel> idle = [];

    /// <summary>One attempt: returns once the broker confirmed the message, throws when it refused it, could not be reached or did not answer in time.</summary>
    /// <param name="mandatory">Whether a message that no queue takes is an error (returned), or simply dropped.</param>
    public async Task PublishAsync(string exchange, string routingKey, bool mandatory, object message, Guid messageId, IReadOnlyDictionary<string, string> headers,
        CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(ConfirmTimeout);
        var channel = await RentAsync(timeout.Token);
        var healthy = false;
        try
        {
            var transportHeaders = headers.ToDictionary(h => h.Key, h => (object?)h.Value);
            // The trace of the request that recorded the decision continues in the consumer, as MassTransit carries it.
            if (Activity.Current?.Id is { } activity)
                transportHeaders["MT-Activity-Id"] = activity;
            var properties = new BasicProperties
            {
                MessageId = messageId.ToString(),
                ContentType = ContentType,
                DeliveryMode = DeliveryModes.Persistent,
                Headers = transportHeaders,
            };
            await channel.BasicPublishAsync(exchange, routingKey, mandatory, properties, Envelope(exchange, message, messageId, transportHeaders), timeout.Token);
            healthy = true;
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new TimeoutException($"RabbitMQ did not confirm message {messageId} to {exchange} within {ConfirmTimeout.TotalSeconds} s.");
        }
        finally
        {
            if (healthy)
                idle.Add(channel);
            else
                await SharedBrokerConnection.DisposeQuietlyAsync(channel);
        }
    }

    /// <summary>Declares a durable fanout exchange as MassTransit declares a published message type's.</summary>
    public async Task DeclareFanoutAsync(string exchange, CancellationToken ct)
    {
        var channel = await broker.ChannelAsync(null, ct);
        try
        {
            await channel.ExchangeDeclareAsync(exchange, ExchangeType.Fanout, durable: true, autoDelete: false, cancellationToken: ct);
        }
        finally
        {
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
    private static byte[] Envelope(string exchange, object message, Guid messageId, IReadOnlyDictionary<string, object?> headers) =>
        JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object?>
        {
            ["messageId"] = messageId,
            ["destinationAddress"] = $"exchange:{exchange}",
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
