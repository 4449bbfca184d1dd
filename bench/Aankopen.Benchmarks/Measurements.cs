using System.Diagnostics;
using Aankopen.Domain.Tenders;
using Aankopen.Domain.Tenders.OptInToLot;
using Aankopen.FinanceSimulator;
using Aankopen.Store.Hosting;
using Aankopen.Store.Tenders.ReadModels;
using Marten;
using MassTransit;
using Npgsql;

namespace Aankopen.Benchmarks;

public static class Measurements
{
    /// <summary>Runs the work that <paramref name="prepare"/> sets up on <paramref name="clients"/> concurrent loops for a while; operations per second.</summary>
    public static async Task<double> ThroughputAsync(int clients, TimeSpan duration, Func<int, Task<Func<Task>>> prepare)
    {
        var loops = await Task.WhenAll(Enumerable.Range(0, clients).Select(prepare));
        var stop = Stopwatch.StartNew();
        var counts = new long[clients];
        await Task.WhenAll(loops.Select(async (operation, i) =>
        {
            while (stop.Elapsed < duration)
            {
                await operation();
                counts[i]++;
            }
        }));
        return counts.Sum() / stop.Elapsed.TotalSeconds;
    }

    public static Task<double> OptInsAsync(HttpClient api, int clients, TimeSpan duration, bool minimal) =>
        ThroughputAsync(clients, duration, async i =>
        {
            var (id, etag) = await Tenders.OpenWithLotAsync(api, $"BW-{clients}-{i}-{Guid.NewGuid():N}"[..30]);
            var amount = 1_000m;
            return async () => etag = await Tenders.OptInAsync(api, id, etag, "OCMW", amount += 1, minimal);
        });

    /// <summary>The floor: one-row INSERT commits into the same PostgreSQL.</summary>
    public static async Task<double> RawInsertsAsync(string connectionString, int clients, TimeSpan duration)
    {
        await using (var setup = new NpgsqlConnection(connectionString))
        {
            await setup.OpenAsync();
            await using var create = new NpgsqlCommand("CREATE TABLE IF NOT EXISTS bench_rows (id bigserial PRIMARY KEY, payload text NOT NULL)", setup);
            await create.ExecuteNonQueryAsync();
        }
        var connections = new List<NpgsqlConnection>();
        var rate = await ThroughputAsync(clients, duration, async _ =>
        {
            var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            lock (connections)
                connections.Add(connection);
            var insert = new NpgsqlCommand("INSERT INTO bench_rows (payload) VALUES ($1)", connection) { Parameters = { new() { Value = "opt-in" } } };
            return async () => await insert.ExecuteNonQueryAsync();
        });
        foreach (var c in connections)
            await c.DisposeAsync();
        return rate;
    }

    /// <summary>
    /// The stricter floor: Marten with default settings appending the same event to a stream that keeps no read model,
    /// without deciding anything first, in a schema of its own.
    /// </summary>
    public static async Task<double> RawMartenAppendsAsync(string connectionString, int clients, TimeSpan duration)
    {
        await using var store = DocumentStore.For(o =>
        {
            o.Connection(connectionString);
            o.DatabaseSchemaName = "bench_raw";
            o.Events.AddEventType<OptedIn>();
        });
        return await ThroughputAsync(clients, duration, async _ =>
        {
            var stream = Guid.CreateVersion7();
            await using (var start = store.LightweightSession(Aankopen.Edge.Tenancy.Tenants.Default))
            {
                start.Events.StartStream(stream, new OptedIn(stream, 1, "OCMW", 1_000m, null, "0900/1", "bench", DateTimeOffset.UtcNow));
                await start.SaveChangesAsync();
            }
            return async () =>
            {
                await using var session = store.LightweightSession(Aankopen.Edge.Tenancy.Tenants.Default);
                session.Events.Append(stream, new OptedIn(stream, 1, "OCMW", 1_001m, null, "0900/1", "bench", DateTimeOffset.UtcNow));
                await session.SaveChangesAsync();
            };
        });
    }

    /// <summary>
    /// Marten with its default settings doing the opt-ins the API does, without HTTP: the same events on tenders that
    /// hold the same inline read model (columns, tenants, metadata: <see cref="EventStoreSetup.DescribeStore"/>), each
    /// command in a session of its own that fetches the tender for writing at the version it expects, lets the
    /// decider decide and saves. Default settings: Marten's own append mode, no prepared statements, no shared
    /// commits, no state kept between commands.
    /// </summary>
    public static async Task<double> MartenDefaultOptInsAsync(string connectionString, int clients, TimeSpan duration)
    {
        await using var store = DocumentStore.For(o =>
        {
            o.Connection(connectionString);
            o.DatabaseSchemaName = "bench_defaults";
            EventStoreSetup.DescribeStore(o);
        });
        var model = new ScaleModel(store, [("GEMEENTE", "OCMW")], 2026, 1);
        const string tenant = Aankopen.Edge.Tenancy.Tenants.Default;
        return await ThroughputAsync(clients, duration, async i =>
        {
            var id = Guid.CreateVersion7();
            var (opening, _) = model.OpenWithLot(id, $"MD-{clients}-{i}-{Guid.NewGuid():N}"[..30], DateTimeOffset.UtcNow);
            await using (var start = store.LightweightSession(tenant))
            {
                start.Events.StartStream<JointTender>(id, [.. opening]);
                await start.SaveChangesAsync();
            }
            long version = opening.Count;
            var amount = 1_000m;
            return async () =>
            {
                await using var session = store.LightweightSession(tenant);
                var tender = await session.Events.FetchForWriting<TenderRecord>(id, version);
                var decision = OptInDecider.Decide(tender.Aggregate!.State,
                    new OptInCommand(1, "OCMW", amount += 1, null, "0100/123-48", BenchUser.Name), DateTimeOffset.UtcNow);
                tender.AppendMany(decision.Events);
                await session.SaveChangesAsync();
                version += decision.Events.Count;
            };
        });
    }

    /// <summary>Calls the finance systems answered so far, replays of an earlier booking included.</summary>
    public static long FinanceCalls(Ledgers ledgers) => ledgers.All.Sum(l =>
        l.Commitments.Calls + l.Reservations.Calls + l.Releases.Calls + l.Memberships.Calls);

    /// <summary>
    /// Starts the relay and the connectors on the events recorded so far, and waits until the finance systems stop
    /// receiving. Sustained: bookings per second from the tenth to the ninetieth hundredth of the drain, once the
    /// fresh processes have compiled their code and the daemon has caught up with the participations (which a relay
    /// that has been running meets only once). Whole: from the first booking to the last.
    /// </summary>
    public static async Task<(double Sustained, double Whole, long Count)> DrainBacklogAsync(BenchSystem system)
    {
        var before = FinanceCalls(system.Ledgers);
        var clock = Stopwatch.StartNew();
        var timeline = new List<(TimeSpan At, long Booked)>();
        var last = TimeSpan.Zero;
        var seen = before;
        var reported = TimeSpan.Zero;
        await system.StartRelayAsync();
        while (clock.Elapsed - last < TimeSpan.FromSeconds(3) || timeline.Count == 0)
        {
            if (clock.Elapsed > TimeSpan.FromMinutes(5))
                break;
            await Task.Delay(50);
            var now = FinanceCalls(system.Ledgers);
            if (clock.Elapsed - reported >= TimeSpan.FromSeconds(5))
            {
                // A timeline of the drain: how fast it starts (fresh processes) and whether it stalls shows in the output.
                Console.WriteLine($"[{DateTime.UtcNow:HH:mm:ss}]   {now - before:N0} bookings after {clock.Elapsed.TotalSeconds:N0} s");
                reported = clock.Elapsed;
            }
            if (now == seen)
                continue;
            last = clock.Elapsed;
            seen = now;
            timeline.Add((last, now - before));
        }
        var count = seen - before;
        return (Between(timeline, count / 10, count * 9 / 10), Between(timeline, 0, count), count);
    }

    /// <summary>Bookings per second from the moment <paramref name="from"/> had been booked until <paramref name="to"/> had.</summary>
    public static double Between(IReadOnlyList<(TimeSpan At, long Booked)> timeline, long from, long to)
    {
        if (timeline.Count == 0)
            return 0;
        var start = timeline.First(t => t.Booked >= Math.Max(1, from));
        var end = timeline.First(t => t.Booked >= to);
        return (end.Booked - start.Booked) / Math.Max(0.001, (end.At - start.At).TotalSeconds);
    }

    /// <summary>Waits until the finance systems have received everything recorded so far (no new call for a second).</summary>
    public static async Task SettleAsync(BenchSystem system)
    {
        for (var settled = -1L; FinanceCalls(system.Ledgers) is var calls && calls != settled; settled = calls)
            await Task.Delay(TimeSpan.FromSeconds(1));
    }

    /// <summary>
    /// Awards at a steady rate; for each, the time from the API's answer until both finance systems booked their share.
    /// </summary>
    public static async Task<IReadOnlyList<double>> AwardToFinanceAsync(BenchSystem system, int perSecond, TimeSpan duration)
    {
        var count = (int)(perSecond * duration.TotalSeconds);
        var prepared = new (Guid Id, string ETag, string Reference)[count];
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, _) =>
        {
            var reference = $"BL-{i}-{Guid.NewGuid():N}"[..30];
            var (id, etag) = await Tenders.OpenWithLotAsync(system.Api.Http, reference);
            etag = await Tenders.OptInAsync(system.Api.Http, id, etag, "GEMEENTE", 60_000m);
            etag = await Tenders.OptInAsync(system.Api.Http, id, etag, "OCMW", 40_000m);
            prepared[i] = (id, await Tenders.CloseAndPublishAsync(system.Api.Http, id, etag), reference);
        });
        // Let the reservations of the set-up reach the finance systems first: awards would wait behind them.
        await SettleAsync(system);

        var accepted = new DateTimeOffset[count];
        var pace = Stopwatch.StartNew();
        var awards = new List<Task>();
        for (var i = 0; i < count; i++)
        {
            var due = TimeSpan.FromSeconds((double)i / perSecond);
            if (due > pace.Elapsed)
                await Task.Delay(due - pace.Elapsed);
            var index = i;
            awards.Add(Task.Run(async () =>
            {
                await Tenders.AwardAsync(system.Api.Http, prepared[index].Id, prepared[index].ETag);
                accepted[index] = DateTimeOffset.UtcNow;
            }));
        }
        await Task.WhenAll(awards);

        var references = prepared.Select((p, i) => (p.Reference, i)).ToDictionary(x => x.Reference, x => x.i);
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (true)
        {
            var booked = system.Ledgers.All.SelectMany(l => l.Commitments.All)
                .Where(c => references.ContainsKey(c.Request.TenderReference))
                .GroupBy(c => c.Request.TenderReference).Where(g => g.Count() == 2).ToArray();
            if (booked.Length == count || DateTime.UtcNow > deadline)
                return booked.Select(g => (g.Max(c => c.BookedAt) - accepted[references[g.Key]]).TotalMilliseconds).ToArray();
            await Task.Delay(100);
        }
    }

    /// <summary>
    /// Awards at a steady rate through the API; halfway, the leading relay process is killed (SIGKILL) while a second
    /// stands by. The takeover: from the kill to the first booking of an award accepted after it. Also whether every
    /// award was booked by both finance systems, once.
    /// </summary>
    public static async Task<(double TakeoverMs, bool EveryBookingOnce)> TakeoverAsync(BenchSystem system, int perSecond, TimeSpan duration)
    {
        var count = (int)(perSecond * duration.TotalSeconds);
        var prepared = new (Guid Id, string ETag, string Reference)[count];
        for (var i = 0; i < count; i++)
        {
            var reference = $"TK-{i}-{Guid.NewGuid():N}"[..30];
            var (id, etag) = await Tenders.OpenWithLotAsync(system.Api.Http, reference);
            etag = await Tenders.OptInAsync(system.Api.Http, id, etag, "GEMEENTE", 60_000m);
            etag = await Tenders.OptInAsync(system.Api.Http, id, etag, "OCMW", 40_000m);
            prepared[i] = (id, await Tenders.CloseAndPublishAsync(system.Api.Http, id, etag), reference);
        }
        // The system owns the standby once it has taken over; until then, this does.
        var standby = await system.StartStandbyRelayAsync();
        var killedAt = DateTimeOffset.MaxValue;
        try
        {
            await SettleAsync(system);
            var pace = Stopwatch.StartNew();
            for (var i = 0; i < count; i++)
            {
                var due = TimeSpan.FromSeconds((double)i / perSecond);
                if (due > pace.Elapsed)
                    await Task.Delay(due - pace.Elapsed);
                if (i == count / 2)
                {
                    await system.KillLeaderAsync(standby);
                    killedAt = DateTimeOffset.UtcNow;
                }
                await Tenders.AwardAsync(system.Api.Http, prepared[i].Id, prepared[i].ETag);
            }
        }
        catch when (system.Relay != standby)
        {
            await standby.DisposeAsync();
            throw;
        }

        var after = prepared[(count / 2)..].Select(p => p.Reference).ToHashSet();
        var all = prepared.Select(p => p.Reference).ToHashSet();
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (true)
        {
            var booked = system.Ledgers.All.SelectMany(l => l.Commitments.All).Where(c => all.Contains(c.Request.TenderReference)).ToArray();
            var complete = booked.GroupBy(c => c.Request.TenderReference).Count(g => g.Count() == 2) == count;
            if (complete || DateTime.UtcNow > deadline)
            {
                var firstAfter = booked.Where(c => after.Contains(c.Request.TenderReference)).Select(c => c.BookedAt).DefaultIfEmpty(DateTimeOffset.MaxValue).Min();
                var once = complete && booked.Length == 2 * count && booked.GroupBy(c => c.IdempotencyKey).All(g => g.Count() == 1);
                return ((firstAfter - killedAt).TotalMilliseconds, once);
            }
            await Task.Delay(100);
        }
    }

    /// <summary>The floor: MassTransit publishing to a consumer over the same RabbitMQ at the same rate.</summary>
    public static async Task<IReadOnlyList<double>> RawPublishToConsumeAsync(string rabbitPort, int perSecond, TimeSpan duration)
    {
        var latencies = new System.Collections.Concurrent.ConcurrentBag<double>();
        var count = (int)(perSecond * duration.TotalSeconds);
        await using var provider = new ServiceCollection()
            .AddSingleton(latencies)
            .AddMassTransit(bus =>
            {
                bus.AddConsumer<PingConsumer>();
                bus.UsingRabbitMq((context, cfg) =>
                {
                    cfg.Host("127.0.0.1", ushort.Parse(rabbitPort), "/", h => { h.Username("guest"); h.Password("guest"); });
                    cfg.ReceiveEndpoint($"aankopen.bench.ping.{Guid.NewGuid():N}", e =>
                    {
                        e.AutoDelete = true;
                        e.ConfigureConsumer<PingConsumer>(context);
                    });
                });
            })
            .BuildServiceProvider();
        var control = provider.GetRequiredService<IBusControl>();
        await control.StartAsync();
        try
        {
            var pace = Stopwatch.StartNew();
            for (var i = 0; i < count; i++)
            {
                var due = TimeSpan.FromSeconds((double)i / perSecond);
                if (due > pace.Elapsed)
                    await Task.Delay(due - pace.Elapsed);
                await control.Publish(new Ping(DateTimeOffset.UtcNow));
            }
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (latencies.Count < count && DateTime.UtcNow < deadline)
                await Task.Delay(50);
            return latencies.ToArray();
        }
        finally
        {
            await control.StopAsync();
        }
    }
}

public sealed record Ping(DateTimeOffset SentAt);

public sealed class PingConsumer(System.Collections.Concurrent.ConcurrentBag<double> latencies) : IConsumer<Ping>
{
    public Task Consume(ConsumeContext<Ping> context)
    {
        latencies.Add((DateTimeOffset.UtcNow - context.Message.SentAt).TotalMilliseconds);
        return Task.CompletedTask;
    }
}
