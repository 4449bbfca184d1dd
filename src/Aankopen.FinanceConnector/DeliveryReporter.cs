using System.Threading.Channels;
using Aankopen.Contracts.Finance.V1;
using MassTransit;

namespace Aankopen.FinanceConnector;

/// <summary>
/// Sends the connector's delivery reports to Aankopen several at a time: the reports that came in while the previous
/// batch was being published go together in one <see cref="DeliveryReportBatch"/>. With a report per broker message the
/// broker spent as much on reports as on the finance messages themselves, and a draining backlog booked half as fast.
/// Nothing waits for a timer: a lone report goes out at once, and batches only form under load. Each caller still
/// waits until its own report is confirmed by the broker, as it did when it published alone.
/// </summary>
public sealed class DeliveryReporter : IAsyncDisposable
{
    /// <summary>Small enough that a batch is one modest broker message (a report is about 400 bytes of JSON).</summary>
    public const int MaxBatch = 200;

    private readonly Channel<(DeliveryReport Report, TaskCompletionSource Sent)> queue =
        Channel.CreateUnbounded<(DeliveryReport, TaskCompletionSource)>(new UnboundedChannelOptions { SingleReader = true });
    private readonly IBus bus;
    private readonly Task sending;

    public DeliveryReporter(IBus bus)
    {
        this.bus = bus;
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
                await bus.Publish(new DeliveryReportBatch([.. batch.Select(b => b.Report)]));
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
    }
}
