using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Aankopen.Contracts.Finance.V1;
using Aankopen.FinanceConnector;
using Aankopen.FinanceSimulator;
using Aankopen.Messaging;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Aankopen.Benchmarks;

/// <summary>
/// The finance path at a regional provider's scale, from the broker on: many administrations in a registry served by
/// two connector replicas, awards published at a steady rate while eight publishers flood reservations to the same
/// administrations, and a replica stopped to time the takeover. Publishes with the worker's own publisher, so the
/// figures start where the relay's confirm ends; the API and the event store are measured elsewhere.
/// </summary>
internal static class RegionalMeasurements
{
    private const string Tenant = "regio";
    private const string Quiet = "--Logging:LogLevel:Default=Warning";

    /// <summary>One replica per 200 administrations, at least two (so that one can take over from the other).</summary>
    public static int ReplicasFor(int administrations) => Math.Max(2, (administrations + 199) / 200);

    public static async Task<IReadOnlyList<string>> MeasureAsync(int rabbitPort, int administrations, TimeSpan duration, int awardsPerSecond, int flooders, int backlog)
    {
        var replicaCount = ReplicasFor(administrations);
        var memoryBefore = TopologyMeasurements.BrokerResidentMegabytes(rabbitPort);
        var rabbit = new RabbitMqSettings { Port = (ushort)rabbitPort };
        var simulator = Aankopen.FinanceSimulator.Program.Build(["--urls=http://127.0.0.1:0", Quiet]);
        await simulator.StartAsync();
        var ledgers = simulator.Services.GetRequiredService<Ledgers>();
        var simulatorUrl = simulator.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var folder = Directory.CreateTempSubdirectory("aankopen-regional-").FullName;
        var codes = Enumerable.Range(0, administrations).Select(i => $"A{i:0000}").ToArray();
        var registry = Path.Combine(folder, "registry.json");
        await File.WriteAllTextAsync(registry, JsonSerializer.Serialize(new
        {
            administrations = codes.Select(c => new { tenant = Tenant, administration = c, financeSystem = $"{simulatorUrl}/systems/{c}" }),
        }));
        var queues = new FinanceQueues(rabbit);
        var declaring = Stopwatch.StartNew();
        foreach (var code in codes)
            await queues.DeclareAsync(Tenant, code, CancellationToken.None);
        var declared = declaring.Elapsed;
        await using var publisher = new FinanceMessagePublisher(rabbit);

        // A backlog waiting before any connector runs, as after an outage: awards spread over every administration.
        var waiting = new ConcurrentDictionary<string, string>();
        await Parallel.ForEachAsync(Enumerable.Range(0, backlog), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
        {
            var award = Award(codes[i % codes.Length]);
            await publisher.PublishAsync(award, new Dictionary<string, string>(), ct);
            waiting[award.BusinessKey] = award.AdministrationCode;
        });
        var memory = TopologyMeasurements.BrokerResidentMegabytes(rabbitPort);

        var replicas = new List<WebApplication>();
        var draining = Stopwatch.StartNew();
        var ready = new List<double>();
        for (var replica = 0; replica < replicaCount; replica++)
        {
            var starting = Stopwatch.StartNew();
            var connector = Aankopen.FinanceConnector.Program.Build([$"--Connector:Registry={registry}", $"--RabbitMq:Port={rabbitPort}",
                $"--Connector:Replicas={replicaCount}", $"--Connector:Replica={replica}", "--Connector:AssignmentSeconds=1", "--Telemetry:Enabled=false", Quiet]);
            await connector.StartAsync();
            ready.Add(starting.Elapsed.TotalSeconds);
            replicas.Add(connector);
        }
        var assignments = replicas.Select(r => r.Services.GetRequiredService<QueueAssignments>()).ToArray();
        await UntilAsync(() => assignments.Sum(a => a.Subscribed) == administrations, TimeSpan.FromSeconds(120));
        await UntilAsync(() => waiting.All(w => ledgers.For(w.Value).Commitments.Calls > 0) && ledgers.All.Sum(l => l.Commitments.Calls) >= backlog,
            TimeSpan.FromSeconds(600));
        var drained = draining.Elapsed;

        var lines = new List<string>
        {
            $"{administrations:N0} administrations in one registry, {replicaCount} connector replicas in this process ({administrations / replicaCount} administrations each).",
            "",
            string.Create(CultureInfo.InvariantCulture,
                $"- Queues: {administrations * 2:N0} declared in {declared.TotalSeconds:0.0} s; broker resident memory {memory:N0} MB with them and the backlog in place (from {memoryBefore:N0} MB; target under 2,000 MB)."),
            string.Create(CultureInfo.InvariantCulture,
                $"- Backlog: {backlog:N0} awards waiting before the connectors started, all booked {drained.TotalSeconds:0.0} s after the first replica began starting: {backlog / drained.TotalSeconds:N0} bookings/s (target 2,000/s). Each replica started in {ready.Average():0.00} s on average."),
            "",
            $"Awards at {awardsPerSecond}/s for {duration.TotalSeconds:0} s (target: p99 under 300 ms):",
            "",
            "| measurement | awards booked | award to finance p50 / p99 (ms) | reservations booked meanwhile |",
            "| --- | ---: | ---: | ---: |",
        };
        foreach (var (name, flood) in new[] { ("awards alone", 0), ($"awards while {flooders} publishers send reservations as fast as they can", flooders) })
        {
            var reservedBefore = ledgers.All.Sum(l => l.Reservations.Calls);
            var (latencies, booked) = await AwardsAsync(rabbit, publisher, ledgers, codes, duration, awardsPerSecond, flood);
            lines.Add(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {booked:N0} | {Percentiles.Of(latencies, 50):0.0} / {Percentiles.Of(latencies, 99):0.0} | {ledgers.All.Sum(l => l.Reservations.Calls) - reservedBefore:N0} |"));
        }

        // Takeover: replica 1 stops; its administrations' awards must flow through the others.
        var ofReplicaOne = codes.Where(c => QueueAssignments.OwnerOf(Tenant, c, replicaCount) == 1).ToArray();
        await replicas[1].StopAsync();
        var stopped = Stopwatch.StartNew();
        var keys = new List<(string Code, string Key)>();
        foreach (var code in ofReplicaOne)
        {
            var award = Award(code);
            await publisher.PublishAsync(award, new Dictionary<string, string>(), CancellationToken.None);
            keys.Add((code, award.BusinessKey));
        }
        await UntilAsync(() => keys.All(k => ledgers.For(k.Code).Commitments.All.Any(e => e.IdempotencyKey == k.Key)), TimeSpan.FromSeconds(120));
        var takeover = stopped.Elapsed;
        lines.Add("");
        lines.Add(string.Create(CultureInfo.InvariantCulture,
            $"Takeover: replica 1 stopped; an award to each of its {ofReplicaOne.Length} administrations, published at once, all booked through the other replicas after {takeover.TotalSeconds:0.0} s (target 10 s)."));

        foreach (var replica in replicas.Where((_, i) => i != 1))
            await replica.StopAsync();
        foreach (var replica in replicas)
            await replica.DisposeAsync();
        await simulator.StopAsync();
        await simulator.DisposeAsync();
        Directory.Delete(folder, recursive: true);
        return lines;
    }

    /// <returns>Each award's time from publish (confirmed) to its booking in the finance system, and how many were booked.</returns>
    private static async Task<(IReadOnlyList<double> Latencies, int Booked)> AwardsAsync(RabbitMqSettings rabbit,
        FinanceMessagePublisher publisher, Ledgers ledgers, string[] codes, TimeSpan duration, int perSecond, int flooders)
    {
        using var stop = new CancellationTokenSource();
        var flooding = Enumerable.Range(0, flooders).Select(f => Task.Run(async () =>
        {
            await using var own = new FinanceMessagePublisher(rabbit);
            var random = new Random(f);
            while (!stop.IsCancellationRequested)
                await own.PublishAsync(Reservation(codes[random.Next(codes.Length)]), new Dictionary<string, string>(), CancellationToken.None);
        })).ToArray();

        var published = new ConcurrentDictionary<string, (string Code, DateTimeOffset At)>();
        var pace = TimeSpan.FromSeconds(1.0 / perSecond);
        var started = Stopwatch.StartNew();
        var random = new Random(42);
        var sending = new List<Task>();
        for (var i = 0; started.Elapsed < duration; i++)
        {
            var due = pace * i;
            if (due > started.Elapsed)
                await Task.Delay(due - started.Elapsed);
            var award = Award(codes[random.Next(codes.Length)]);
            sending.Add(Task.Run(async () =>
            {
                var at = DateTimeOffset.UtcNow;
                await publisher.PublishAsync(award, new Dictionary<string, string>(), CancellationToken.None);
                published[award.BusinessKey] = (award.AdministrationCode, at);
            }));
        }
        await Task.WhenAll(sending);
        await stop.CancelAsync();
        await Task.WhenAll(flooding);
        await UntilAsync(() => published.All(p => ledgers.For(p.Value.Code).Commitments.All.Any(e => e.IdempotencyKey == p.Key)), TimeSpan.FromSeconds(300));
        var latencies = published.Select(p => (ledgers.For(p.Value.Code).Commitments.All.First(e => e.IdempotencyKey == p.Key).BookedAt - p.Value.At).TotalMilliseconds).ToArray();
        return (latencies, latencies.Length);
    }

    private static async Task UntilAsync(Func<bool> condition, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (!condition())
        {
            if (deadline.Elapsed > timeout)
                throw new TimeoutException($"Not reached within {timeout.TotalSeconds} s.");
            await Task.Delay(50);
        }
    }

    private static LotAwardedShare Award(string code) => new()
    {
        MessageId = Guid.CreateVersion7(),
        CorrelationId = "regional-bench",
        AdministrationCode = code,
        Tenant = Tenant,
        TenderId = Guid.CreateVersion7(),
        TenderReference = "REGIO-BENCH",
        TenderTitleNl = "Strooizout",
        TenderTitleFr = "Sel de déneigement",
        LotNumber = 1,
        LotTitle = "Strooizout in bulk",
        Supplier = new Supplier("Zoutkeet NV", "0207.000.176"),
        ShareExclVat = 10_000m,
        VatRate = 21m,
        ShareInclVat = 12_100m,
        BudgetLine = "0400/140-02",
        ContractStart = new DateOnly(2027, 1, 1),
        ContractEnd = new DateOnly(2027, 12, 31),
        AwardedBy = "aankoopcel@regio.example",
        AwardedAt = DateTimeOffset.UtcNow,
    };

    private static ProvisionalReservation Reservation(string code) => new()
    {
        MessageId = Guid.CreateVersion7(),
        CorrelationId = "regional-bench",
        AdministrationCode = code,
        Tenant = Tenant,
        TenderId = Guid.CreateVersion7(),
        TenderReference = "REGIO-BENCH-R",
        TenderTitleNl = "Strooizout",
        TenderTitleFr = "Sel de déneigement",
        LotNumber = 1,
        LotTitle = "Strooizout in bulk",
        Change = ReservationChange.Changed,
        EstimatedAmountExclVat = 9_000m,
        VatRate = 21m,
        EstimatedAmountInclVat = 10_890m,
        BudgetLine = "0400/140-02",
        ChangedBy = "gemeente@regio.example",
        ChangedAt = DateTimeOffset.UtcNow,
    };
}
