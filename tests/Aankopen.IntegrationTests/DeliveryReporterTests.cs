using System.Collections.Concurrent;
using Aankopen.Contracts.Finance.V1;
using Aankopen.FinanceConnector;
using Aankopen.Messaging;
using MassTransit;
using Shouldly;
using static Aankopen.IntegrationTests.HttpCalls;

namespace Aankopen.IntegrationTests;

/// <summary>The connector's reports on the real broker: several to a message under load, none lost, each caller told when its own is sent.</summary>
public sealed class DeliveryReporterTests
{
    [Fact]
    public async Task Reports_that_come_in_while_one_is_being_published_go_together_and_none_is_lost()
    {
        var received = new ConcurrentQueue<DeliveryReportBatch>();
        // A queue of its own on the reports' fanout exchange, as the worker's: a quorum queue, which cannot be
        // auto-deleted, so it expires a minute after the test.
        await using var listener = await TestBus.StartAsync(configure: cfg => cfg.ReceiveEndpoint($"aankopen.test.delivery-reports.{Guid.NewGuid():N}", endpoint =>
        {
            endpoint.BindDeliveryReports();
            endpoint.QueueExpiration = TimeSpan.FromMinutes(1);
            endpoint.Handler<DeliveryReportBatch>(context =>
            {
                received.Enqueue(context.Message);
                return Task.CompletedTask;
            });
        }));
        var reports = Enumerable.Range(1, 50).Select(i => new DeliveryReport(Guid.NewGuid(), "OCMW", nameof(LotAwardedShare), $"test-{i}",
            DeliveryStatus.Delivered, 1, null, $"OCMW-{i}", false, DateTimeOffset.UtcNow)).ToArray();
        await using (var reporter = new DeliveryReporter(new RabbitMqSettings { Port = ushort.Parse(TestServers.RabbitMqPort) }))
            await Task.WhenAll(reports.Select(reporter.ReportAsync)); // each completes once its report is confirmed

        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (received.Sum(b => b.Reports.Count) < reports.Length && DateTime.UtcNow < deadline)
            await Task.Delay(50, Ct);
        received.SelectMany(b => b.Reports).Select(r => r.MessageId).ShouldBe(reports.Select(r => r.MessageId), ignoreOrder: true);
        // The first goes out alone; the 49 that came in meanwhile do not need 49 more messages.
        received.Count.ShouldBeLessThan(reports.Length);
    }
}
