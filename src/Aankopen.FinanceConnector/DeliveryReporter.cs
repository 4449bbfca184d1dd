using System.Threading.Channels;
using Aankopen.Contracts.Finance.V1;
using Aankopen.Messaging;

namespace Aankopen.FinanceConnector;

/// <summary>
/// Sends the connector's delivery reports to Aankopen several at a time: the reports that came in while the previous
/// batches were being published go together in one <see cref="DeliveryReportBatch"/>. With a report per broker message the
/// broker spent as much on reports as on the finance messages themselves, and a draining backlog booked half as fast.
/// Nothing waits for a timer: a lone report goes out at once, and batches only form under load. Each caller still
/// waits until its own report is confirmed by the broker, as it did when it published alone.
/// <para>
/// Published on confirmed channels of its own (<see cref="ConfirmedPublisher"/>), not on MassTransit's: under load,
/// MassTransit's channel waited for ever for a confirmation, and with it every message of the connector whose report was
/// in that batch. A batch not confirmed in time goes again once on a fresh channel (the worker stores a report twice
/// as once); after that its callers are told it failed, and go on without it.
/// </para>
/// </summary>
public sealed class DeliveryReporter : IAsyncDisposable
{
    /// <summary>Small enough that a batch is one modest broker message (a report is about 400 bytes of JSON).</summary>
    public const int MaxBatch = 200;

    /// <summary>
    /// Batches on their way to the broker at once. Waiting for each batch's confirmation before sending the next made
    /// a report wait for two confirmations, the previous batch's and its own: three quarters of the time a connector
    /// spent on a message while a backlog drained. The worker orders reports by their time, not by their arrival.
    /// </summary>
    public const int InFlight = 4;

    private static readonly Dictionary<string, string> NoHeaders = [];

    private readonly Channel<(DeliveryReport Report, TaskCompletionSource Sent)> queue =
        Channel.CreateUnbounded<(DeliveryReport, TaskCompletionSource)>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConfirmedPublisher publisher;
    private readonly Task sending;
    private readonly SemaphoreSlim slots = new(InFlight);
    private volatile bool declared;

    public DeliveryReporter(RabbitMqSettings rabbit)
    {
        publisher = new ConfirmedPublisher(rabbit, "aankopen-finance-connector-reports");
        sending = Task.Run(SendAsync);
    }

    /// <summary>Completes when the report is on the broker; fails as its publish failed.</summary>
    public Task ReportAsync(DeliveryReport report)
    {
        var sent = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!queue.Writer.TryWrite((report, sent)))
            throw new ObjectDisposedException(nameof(DeliveryReporter), "The connector is stopping.");
        return sent.Task;
    }

    private async Task SendAsync()
    {
        while (await queue.Reader.WaitToReadAsync())
        {
            // A free slot first, then the batch: what came in while every slot was busy goes out together.
            await slots.WaitAsync();
            var batch = new List<(DeliveryReport Report, TaskCompletionSource Sent)>(MaxBatch);
            while (batch.Count < MaxBatch && queue.Reader.TryRead(out var next))
                batch.Add(next);
            _ = PublishAsync(batch);
        }
        // Stopping: the batches still on their way are confirmed (or fail) before the channels close.
        for (var i = 0; i < InFlight; i++)
            await slots.WaitAsync();
    }

    private async Task PublishAsync(List<(DeliveryReport Report, TaskCompletionSource Sent)> batch)
    {
        try
        {
            var message = new DeliveryReportBatch([.. batch.Select(b => b.Report)]);
            var id = Guid.CreateVersion7();
            if (!declared)
                await publisher.DeclareFanoutAsync(DeliveryReport.Exchange, CancellationToken.None);
            declared = true;
            // Not mandatory: before any worker ran there is no queue for reports, and nobody to tell.
            try
            {
                await publisher.PublishAsync(DeliveryReport.Exchange, "", mandatory: false, message, id, NoHeaders, CancellationToken.None);
            }
            catch (TimeoutException)
            {
                await publisher.PublishAsync(DeliveryReport.Exchange, "", mandatory: false, message, id, NoHeaders, CancellationToken.None);
            }
            foreach (var (_, sent) in batch)
                sent.TrySetResult();
        }
        catch (Exception e)
        {
            foreach (var (_, sent) in batch)
                sent.TrySetException(e);
        }
        finally
        {
            slots.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        queue.Writer.TryComplete();
        await sending;
        await publisher.DisposeAsync();
    }
}
