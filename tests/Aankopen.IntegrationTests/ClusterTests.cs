using Aankopen.Contracts.Finance.V1;
using Shouldly;

namespace Aankopen.IntegrationTests;

/// <summary>
/// The whole path from the award to the finance systems (API, worker relay, broker, connector) on a three-node
/// RabbitMQ cluster, with a node killed in the middle of a stream of awards: any node, and then the one leading the
/// administrations' queues. Every booking arrives, and each once.
/// </summary>
[Collection(nameof(RunningSystem))]
public sealed class ClusterTests(RunningSystem system) : IAsyncLifetime
{
    private const int Awards = 16;

    private readonly RabbitMqCluster cluster = new();

    public ValueTask InitializeAsync() => cluster.InitializeAsync();

    public ValueTask DisposeAsync() => cluster.DisposeAsync();

    [Fact]
    public async Task Every_award_is_booked_once_when_a_node_and_then_the_queues_leader_die_mid_stream()
    {
        var nodes = $"--RabbitMq:Nodes={cluster.Nodes}";
        var (api, http, worker) = await system.StartDeploymentAsync(await system.CreateDatabaseAsync(), _ => { }, nodes,
            $"--Notifications:DeliveryReportsQueue=aankopen.api.delivery-reports.{Guid.NewGuid():N}");
        var registry = Path.Combine(Path.GetTempPath(), $"aankopen-cluster-registry-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(registry, $$"""
            { "administrations": [
                { "administration": "GEMEENTE", "financeSystem": "{{system.Simulator.BaseAddress}}systems/GEMEENTE" },
                { "administration": "OCMW", "financeSystem": "{{system.Simulator.BaseAddress}}systems/OCMW" } ] }
            """, TestContext.Current.CancellationToken);
        var connector = system.DisposeAtEnd(Aankopen.FinanceConnector.Program.Build(
            [$"--Connector:Registry={registry}", nodes, .. RunningSystem.ConnectorTuning]));
        try
        {
            await connector.StartAsync(TestContext.Current.CancellationToken);

            // Node 1 is the first every client tries, so most connections are on it when it dies.
            await StreamOfAwardsKillingAsync(http, () => Task.FromResult(1));
            await StreamOfAwardsKillingAsync(http, () => cluster.LeaderOfAsync(FinanceRouting.QueueFor("default", "OCMW", FinanceLane.Commitments)));
        }
        finally
        {
            File.Delete(registry);
            // Stopped while the cluster still runs: a bus left connected to a cluster that is gone could not stop.
            foreach (var host in new[] { connector, api.GetRequiredService<IHost>(), worker.GetRequiredService<IHost>() })
                await host.StopAsync(TimeSpan.FromSeconds(30));
        }
    }

    private async Task StreamOfAwardsKillingAsync(HttpClient http, Func<Task<int>> victim)
    {
        var tenders = new List<(MealVoucherTender Tender, string Reference)>();
        for (var i = 0; i < Awards; i++)
        {
            var tender = new MealVoucherTender(http);
            var reference = $"CL-{Guid.NewGuid():N}"[..20];
            await tender.OpenWithTwoLotsAsync(reference);
            await tender.OptInAsync(1, "GEMEENTE", 30_000m, "0100/123-48");
            await tender.OptInAsync(1, "OCMW", 10_000m, "0900/123-48");
            await tender.CloseAndPublishAsync();
            tenders.Add((tender, reference));
        }

        var killed = 0;
        for (var i = 0; i < tenders.Count; i++)
        {
            if (i == Awards / 2)
                await cluster.KillAsync(killed = await victim());
            await tenders[i].Tender.AwardAsync(1, 40_000m);
        }

        foreach (var code in new[] { "GEMEENTE", "OCMW" })
        {
            var booked = await system.EventuallyAsync(
                async () => (await system.BookingsAsync(code)).Where(b => tenders.Any(t => t.Reference == b.Request.TenderReference)).ToArray(),
                b => b.Length >= Awards, TimeSpan.FromSeconds(90));
            // One booking per tender: the journal keeps one entry per idempotency key, so a second entry would be a
            // second business key for the same award.
            booked.Select(b => b.Request.TenderReference).Order().ShouldBe(tenders.Select(t => t.Reference).Order());
            booked.Sum(b => b.Request.AmountExclVat).ShouldBe(Awards * (code == "GEMEENTE" ? 30_000m : 10_000m));
        }
        await cluster.StartAsync(killed);
    }
}
