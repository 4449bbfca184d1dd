using System.Threading.Channels;
using Aankopen.Contracts.Finance.V1;
using Aankopen.Messaging;

namespace Aankopen.FinanceConnector;

/// <summary>
/// Sends the connector's delivery reports to Aankopen several at a time: the reports that came in while the previous
/// batch was being published go together in one <see cref="DeliveryReportBatch"/>. With a report per broker message the
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

    private static readonly Dictionary<string, string> NoHeaders = [];

    private readonly Channel<(DeliveryReport Report, TaskCompletionSource Sent)> queue =
        Channel.CreateUnbounded<(DeliveryReport, TaskCompletionSource)>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConfirmedPublisher publisher;
    private readonly Task sending;
    private bool declared;

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
        var batch = new List<(DeliveryReport Report, TaskCompletionSource Sent)>(MaxBatch);
        while (await queue.Reader.WaitToReadAsync())
        {
            while (batch.Count < MaxBatch && queue.Reader.TryRead(out var next))
                batch.Add(next);
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
            batch.Clear();
        }
    }

    public async ValueTask DisposeAsync()
    {
        queue.Writer.TryComplete();
        await sending;
        await publisher.DisposeAsync();
    }
}
