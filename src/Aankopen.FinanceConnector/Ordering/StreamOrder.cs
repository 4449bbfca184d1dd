using System.Runtime.CompilerServices;
using Aankopen.Contracts.Finance.V1;
using MassTransit;
using MassTransit.RabbitMqTransport;

namespace Aankopen.FinanceConnector.Ordering;

/// <summary>
/// Keeps each tender's (and membership's) messages of a queue in the order they were recorded while the connector
/// books several of the queue's messages at once, as the finance contract promises. Booking one message at a time
/// left the connector waiting on one finance-system call and one broker confirmation after the other while a backlog
/// drained. Watches every delivery of the finance queues' endpoints (<see cref="IReceiveObserver"/>), one
/// <see cref="DeliveryLine"/> per broker channel, and <see cref="FinanceConsumer{T}"/> enters the line before it calls
/// the finance system. A message being retried stays in the line, so the later ones of its stream wait for it (each
/// holding one of the queue's places meanwhile: when all of them are taken by its tender, the queue waits).
/// </summary>
public sealed class StreamOrder(TimeProvider time, ILogger<StreamOrder> log) : IReceiveObserver
{
    /// <summary>How long a delivery waits for the one before it to be taken in; only a delivery dropped while stopping, or a consumer started again on its old channel, makes it wait that long.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly ConditionalWeakTable<object, DeliveryLine> lines = new();

    /// <summary>The stream a message belongs to: its tender, or its membership of a purchasing central.</summary>
    public static Guid StreamOf(FinanceMessage message) => message switch
    {
        TenderFinanceMessage m => m.TenderId,
        MembershipChanged m => m.MembershipId,
        _ => DeliveryLine.EveryStream,
    };

    /// <summary>Waits until <paramref name="context"/>'s message may be booked; at once for a delivery not in a line.</summary>
    public Task EnterAsync(ConsumeContext context, FinanceMessage message) =>
        Line(context.ReceiveContext) is ({ } line, var tag) ? line.EnterAsync(tag, StreamOf(message), context.CancellationToken) : Task.CompletedTask;

    public async Task PreReceive(ReceiveContext context)
    {
        if (Line(context) is not ({ } line, var tag))
            return;
        if (!await line.Register(tag, Patience, time, context.CancellationToken))
            log.LogWarning("Delivery {Tag} of {Queue} was taken in without the one before it, which did not come within {Patience}; the order of their streams' messages is not guarded",
                tag, context.InputAddress, Patience);
    }

    public Task PostReceive(ReceiveContext context) => Finish(context);

    public Task ReceiveFault(ReceiveContext context, Exception exception) => Finish(context);

    public Task PostConsume<T>(ConsumeContext<T> context, TimeSpan duration, string consumerType) where T : class => Task.CompletedTask;

    public Task ConsumeFault<T>(ConsumeContext<T> context, TimeSpan duration, string consumerType, Exception exception) where T : class => Task.CompletedTask;

    private Task Finish(ReceiveContext context)
    {
        if (Line(context) is ({ } line, var tag))
            line.Finish(tag);
        return Task.CompletedTask;
    }

    /// <summary>The line of the channel the delivery came on, and its tag; none for a delivery that did not come from RabbitMQ.</summary>
    private (DeliveryLine? Line, ulong Tag) Line(ReceiveContext context) =>
        context is RabbitMqBasicConsumeContext delivery && context.TryGetPayload<ChannelContext>(out var channel)
            ? (lines.GetValue(channel, _ => new DeliveryLine()), delivery.DeliveryTag)
            : (null, 0);
}
