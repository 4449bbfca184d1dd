using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Aankopen.Contracts.Finance.V1;
using Aankopen.FinanceConnector;
using Aankopen.FinanceSimulator;
using Aankopen.Messaging;
using Aankopen.Samples;
using MassTransit;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Aankopen.Benchmarks;

/// <summary>
/// The finance path at a regional provider's scale: thousands of administrations configured in the API and the worker,
/// their queues declared, served by connector replicas of 200 administrations each sharing one registry. Awards are
/// published with the worker's own publisher, so the latencies start where the relay's confirm ends (the API and the
/// event store are measured elsewhere in the run).
/// </summary>
internal static class RegionalMeasurements
{
    private const string Tenant = "regio";
    private const string Quiet = "--Logging:LogLevel:Default=Warning";

    /// <summary>One replica per 200 administrations, at least two (so that one can take over from the other).</summary>
    public static int ReplicasFor(int administrations) => Math.Max(2, (administrations + 199) / 200);

    /// <param name="flooded">How many of the administrations the awards go to while the reservations flood them.</param>
    public static async Task MeasureAsync(BenchSystem system, Action<Figure> add, int rabbitPort, int administrations, int flooded,
        TimeSpan duration, int awardsPerSecond, int flooders, int backlog)
    {
        var replicaCount = ReplicasFor(administrations);
        var rabbit = new RabbitMqSettings { Port = (ushort)rabbitPort };
        var memoryBefore = TopologyMeasurements.BrokerResidentMegabytes(rabbitPort);
        await using var simulator = Aankopen.FinanceSimulator.Program.Build(["--urls=http://127.0.0.1:0", Quiet]);
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

        await using (var queues = new FinanceQueues(rabbit))
        {
            var declaring = Stopwatch.StartNew();
            foreach (var code in codes)
                await queues.DeclareAsync(Tenant, code, CancellationToken.None);
            add(new Figure($"finance queues of {administrations:N0} administrations declared one after the other ({administrations * 2:N0} quorum queues)",
                declaring.Elapsed.TotalSeconds, "s", "none", null, "none", true, false));
        }

        // The API and the worker as deployed for the region: every administration configured, the API registering them.
        var configured = TenantSettings(codes);
        await using (var api = await system.StartWithAsync(ServiceProcess.Api, configured))
            add(new Figure($"API ready with {administrations:N0} more administrations configured (first start, registering them)", api.Ready.TotalMilliseconds,
                "ms", "API ready with 2 administrations", system.Api.Ready.TotalMilliseconds, "< 5000 ms", api.Ready.TotalMilliseconds < 5000, false));
        double plainWorker;
        await using (var worker = await system.StartWithAsync(ServiceProcess.Worker, []))
            plainWorker = worker.Ready.TotalMilliseconds;
        await using (var worker = await system.StartWithAsync(ServiceProcess.Worker, configured))
            add(new Figure($"worker ready with {administrations:N0} more administrations configured", worker.Ready.TotalMilliseconds,
                "ms", "worker ready with 2 administrations", plainWorker, "< 5000 ms", worker.Ready.TotalMilliseconds < 5000, false));

        await using var publisher = new FinanceMessagePublisher(rabbit);
        // The floor: plain MassTransit consuming a backlog of the same size from the same queues, with the connectors'
        // settings (one message at a time per queue, four prefetched) and as many buses as connector replicas, booking nothing.
        await PublishBacklogAsync(publisher, codes, backlog);
        var plain = await PlainMassTransitDrainAsync(rabbit, codes, replicaCount, backlog);

        // The backlog the connectors start on, as after an outage: awards spread over every administration.
        var waiting = await PublishBacklogAsync(publisher, codes, backlog);
        var memory = TopologyMeasurements.BrokerResidentMegabytes(rabbitPort);
        add(new Figure($"broker resident memory, {administrations * 2:N0} finance queues declared and {backlog:N0} bookings waiting", memory, "MB",
            "broker before the queues", memoryBefore, "< 2000 MB", memory < 2000, false));

        // Replica 1 runs as a process of its own, so that it can be killed; the others in this process. All start at
        // once, as the StatefulSet's pods do (podManagementPolicy: Parallel).
        string[] ConnectorSettings(int replica) => [$"--Connector:Registry={registry}", $"--RabbitMq:Port={rabbitPort}",
            $"--Connector:Replicas={replicaCount}", $"--Connector:Replica={replica}", "--Telemetry:Enabled=false", Quiet];
        var inProcess = Enumerable.Range(0, replicaCount).Where(r => r != 1).Select(r => Aankopen.FinanceConnector.Program.Build(ConnectorSettings(r))).ToList();
        var starting = system.StartConnectorAsync(ConnectorSettings(1));
        await Task.WhenAll(inProcess.Select(r => r.StartAsync()));
        var separate = await starting;
        add(new Figure($"connector processes for {administrations:N0} administrations (replicas of one registry)", replicaCount, "",
            "none", null, $"<= {ReplicasFor(administrations)} (one per 200, two at least to take over)", (double)administrations / replicaCount <= 200, false));
        await UntilAsync(() => BookedAwards(ledgers) >= backlog, TimeSpan.FromSeconds(900));
        foreach (var (key, code) in waiting)
            if (!ledgers.For(code).Commitments.All.Any(e => e.IdempotencyKey == key))
                throw new InvalidOperationException($"The award {key} to {code} was not booked.");
        var booked = ledgers.All.SelectMany(l => l.Commitments.All).Select(e => e.BookedAt.UtcTicks).ToList();
        var drained = Sustained(booked);
        add(new Figure($"finance bookings per second from a backlog of {backlog:N0} awards over {administrations:N0} administrations, sustained (10th to 90th hundredth)",
            drained, "per s", "plain MassTransit consuming the same backlog from the same queues, booking nothing", plain,
            ">= 2000 per s or >= 50 % of plain MassTransit", drained >= 2000 || drained >= 0.5 * plain));
        // The replicas start with the backlog waiting, as after an outage: this one includes their start-up.
        add(new Figure($"finance bookings per second from the same backlog, first booking to last (the {replicaCount} replicas start with it)",
            booked.Count / TimeSpan.FromTicks(Math.Max(1, booked.Max() - booked.Min())).TotalSeconds, "per s", "none", null, "none", true));

        var (alone, _) = await AwardsAsync(rabbit, publisher, ledgers, codes, duration, awardsPerSecond, 0);
        add(new Figure($"award-to-finance p99 at {awardsPerSecond} awards/s over {administrations:N0} administrations ({alone.Count} awards)",
            Percentiles.Of(alone, 99), "ms", "p50 of the same awards", Percentiles.Of(alone, 50), "< 300 ms", Percentiles.Of(alone, 99) < 300, false));
        var (underLoad, reserved) = await AwardsAsync(rabbit, publisher, ledgers, codes[..flooded], duration, awardsPerSecond, flooders);
        add(new Figure($"award-to-finance p99 at {awardsPerSecond} awards/s over {flooded:N0} administrations while {flooders} publishers send them reservations as fast as they can ({underLoad.Count} awards)",
            Percentiles.Of(underLoad, 99), "ms", "awards without the reservations", Percentiles.Of(alone, 99), "< 300 ms", Percentiles.Of(underLoad, 99) < 300, false));

        // Takeover: once the flood's reservations are booked, replica 1 killed (SIGKILL); an award to each of its
        // administrations, published at once, must be booked through the others.
        await ReachedAsync(() => ledgers.All.Sum(l => l.Reservations.Calls) >= reserved, TimeSpan.FromSeconds(300));
        var ofReplicaOne = codes.Where(c => QueueAssignments.OwnerOf(Tenant, c, replicaCount) == 1).ToArray();
        await separate.DisposeAsync();
        var killed = Stopwatch.StartNew();
        var keys = new List<(string Code, string Key)>();
        foreach (var code in ofReplicaOne)
        {
            var award = SampleFinanceMessages.Award(Tenant, code);
            await publisher.PublishAsync(award, new Dictionary<string, string>(), CancellationToken.None);
            keys.Add((code, award.BusinessKey));
        }
        bool Booked((string Code, string Key) k) => ledgers.For(k.Code).Commitments.All.Any(e => e.IdempotencyKey == k.Key);
        var flowing = await ReachedAsync(() => keys.All(Booked), TimeSpan.FromSeconds(120));
        add(new Figure($"bookings of the {ofReplicaOne.Length} administrations of a connector replica killed (SIGKILL) flowing again, through the other {replicaCount - 1}"
            + (flowing ? "" : $" (only {keys.Count(Booked)} booked when the measurement gave up)"),
            killed.Elapsed.TotalMilliseconds, "ms", "none", null, "< 10000 ms", flowing && killed.Elapsed < TimeSpan.FromSeconds(10), false));

        // Bounded: after a takeover under load, some of a replica's endpoints have been seen waiting for their topology
        // for ever, and MassTransit's stop waits for them (noted for the connectors; here the figures are taken).
        foreach (var replica in inProcess)
        {
            try
            {
                await replica.StopAsync().WaitAsync(TimeSpan.FromSeconds(30));
                await replica.DisposeAsync();
            }
            catch (TimeoutException)
            {
                Console.WriteLine("A connector replica did not stop within 30 s; left to the end of the process.");
            }
        }
        await simulator.StopAsync();
        Directory.Delete(folder, recursive: true);
    }

    /// <summary>A tenant of its own with every administration, as the API's and the worker's settings.</summary>
    private static IEnumerable<string> TenantSettings(string[] codes)
    {
        yield return $"--Tenants:0:Id={Tenant}";
        foreach (var (code, i) in codes.Select((c, i) => (c, i)))
        {
            // Enterprise numbers of the right form: eight digits and their check (97 minus the remainder by 97).
            var body = 2_000_000L + i;
            yield return $"--Tenants:0:Administrations:{i}:Code={code}";
            yield return $"--Tenants:0:Administrations:{i}:NameNl=Bestuur {code}";
            yield return $"--Tenants:0:Administrations:{i}:NameFr=Administration {code}";
            yield return $"--Tenants:0:Administrations:{i}:EnterpriseNumber={body:D8}{97 - body % 97:D2}";
            yield return $"--Tenants:0:Administrations:{i}:Kind={(i % 2 == 0 ? "City" : "Ocmw")}";
        }
    }

    /// <returns>The awards published, by idempotency key, with their administration.</returns>
    private static async Task<IReadOnlyDictionary<string, string>> PublishBacklogAsync(FinanceMessagePublisher publisher, string[] codes, int count)
    {
        var published = new ConcurrentDictionary<string, string>();
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
        {
            var award = SampleFinanceMessages.Award(Tenant, codes[i % codes.Length]);
            await publisher.PublishAsync(award, new Dictionary<string, string>(), ct);
            published[award.BusinessKey] = award.AdministrationCode;
        });
        return published;
    }

    /// <returns>Messages consumed per second, sustained (10th to 90th hundredth).</returns>
    private static async Task<double> PlainMassTransitDrainAsync(RabbitMqSettings rabbit, string[] codes, int buses, int count)
    {
        var consumed = new ConcurrentBag<long>();
        var started = new List<IBusControl>();
        for (var b = 0; b < buses; b++)
        {
            var bus = Bus.Factory.CreateUsingRabbitMq(cfg =>
            {
                cfg.UseHost(rabbit);
                cfg.SendTopology.ConfigureErrorSettings = error => error.SingleActiveConsumer = false;
                foreach (var code in codes.Where(c => QueueAssignments.OwnerOf(Tenant, c, buses) == b))
                    cfg.ReceiveEndpoint(FinanceRouting.QueueFor(Tenant, code, FinanceLane.Commitments), e =>
                    {
                        e.BindFinanceQueue();
                        e.PrefetchCount = 4;
                        e.ConcurrentMessageLimit = 1;
                        e.Handler<LotAwardedShare>(_ =>
                        {
                            consumed.Add(DateTimeOffset.UtcNow.UtcTicks);
                            return Task.CompletedTask;
                        });
                    });
            });
            await bus.StartAsync();
            started.Add(bus);
        }
        await UntilAsync(() => consumed.Count >= count, TimeSpan.FromSeconds(600));
        foreach (var bus in started)
            await bus.StopAsync();
        return Sustained([.. consumed]);
    }

    /// <summary>Per second between the 10th and the 90th hundredth of the moments given: neither the start nor the tail.</summary>
    private static double Sustained(IReadOnlyList<long> ticks)
    {
        var sorted = ticks.Order().ToArray();
        var (from, to) = (sorted[sorted.Length / 10], sorted[sorted.Length * 9 / 10]);
        return sorted.Length * 0.8 / TimeSpan.FromTicks(Math.Max(1, to - from)).TotalSeconds;
    }

    private static long BookedAwards(Ledgers ledgers) => ledgers.All.Sum(l => l.Commitments.Calls);

    /// <returns>Each award's time from publish (confirmed) to its booking in the finance system; how many reservations were published meanwhile.</returns>
    private static async Task<(IReadOnlyList<double> Latencies, long Reserved)> AwardsAsync(RabbitMqSettings rabbit,
        FinanceMessagePublisher publisher, Ledgers ledgers, string[] codes, TimeSpan duration, int perSecond, int flooders)
    {
        using var stop = new CancellationTokenSource();
        var reserved = 0L;
        var flooding = Enumerable.Range(0, flooders).Select(f => Task.Run(async () =>
        {
            await using var own = new FinanceMessagePublisher(rabbit);
            var random = new Random(f);
            while (!stop.IsCancellationRequested)
            {
                await own.PublishAsync(SampleFinanceMessages.Reservation(Tenant, codes[random.Next(codes.Length)], Guid.CreateVersion7()),
                    new Dictionary<string, string>(), CancellationToken.None);
                Interlocked.Increment(ref reserved);
            }
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
            var award = SampleFinanceMessages.Award(Tenant, codes[random.Next(codes.Length)]);
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
        return ([.. published.Select(p => (ledgers.For(p.Value.Code).Commitments.All.First(e => e.IdempotencyKey == p.Key).BookedAt - p.Value.At).TotalMilliseconds)],
            Interlocked.Read(ref reserved));
    }

    private static async Task UntilAsync(Func<bool> condition, TimeSpan timeout)
    {
        if (!await ReachedAsync(condition, timeout))
            throw new TimeoutException($"Not reached within {timeout.TotalSeconds} s.");
    }

    private static async Task<bool> ReachedAsync(Func<bool> condition, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (!condition())
        {
            if (deadline.Elapsed > timeout)
                return false;
            await Task.Delay(100);
        }
        return true;
    }
}
