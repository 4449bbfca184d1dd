using System.Diagnostics;
using Aankopen.Store.Tenders.ReadModels;
using Marten;
using Npgsql;

namespace Aankopen.Benchmarks;

/// <summary>
/// The scale model at full size, generated once by <c>./bench.sh --generate-scale</c> into a database of its own that
/// later runs reuse: 600 municipality groups over 10 years, about 20 million events. Too big to generate within a
/// run's ten minutes (two writers append about 15,000 events a second on 2 cores), and no figure needs it fresh.
/// </summary>
public static class ScaleData
{
    public const string Database = "aankopen_scale";
    public const int Groups = 600;
    public const int FirstYear = 2017;
    public const int Years = 10;
    public const long DefaultEvents = 20_000_000;

    /// <summary>Only the store of the API's host is used (the host never starts), so no issuer is ever asked.</summary>
    private static readonly Uri NoIssuer = new("http://127.0.0.1:1/");

    /// <summary>Written last: a database without it was interrupted while generating and is not used.</summary>
    private const string Marker = "bench_scale_model";

    /// <summary>How many events the generated scale model (or another kept history) holds; null when there is none (yet).</summary>
    public static async Task<long?> EventsAsync(string serverConnectionString, string database = Database)
    {
        if (!(await Databases.ListAsync(serverConnectionString, database)).Contains(database))
            return null;
        await using var connection = new NpgsqlConnection(Databases.On(serverConnectionString, database));
        await connection.OpenAsync();
        await using var read = new NpgsqlCommand($"SELECT events FROM {Marker}", connection);
        try
        {
            return await read.ExecuteScalarAsync() as long?;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            return null;
        }
    }

    public static async Task GenerateAsync(string serverConnectionString, string rabbitPort, long events) =>
        await GenerateIntoAsync(serverConnectionString, rabbitPort, Database, events, projectParticipations: true);

    /// <summary>
    /// The history a run rebuilds its read models from and queries at the rebuild's size: the same groups and years,
    /// <paramref name="events"/> of them, in a database of its own that the first run needing it generates (a minute
    /// or two) and later runs reuse, as they reuse the scale model. Its name.
    /// </summary>
    public static async Task<string> RebuildHistoryAsync(string serverConnectionString, string rabbitPort, long events)
    {
        var database = $"aankopen_rebuild_{events}";
        if (await EventsAsync(serverConnectionString, database) is null)
            await GenerateIntoAsync(serverConnectionString, rabbitPort, database, events, projectParticipations: false);
        return database;
    }

    /// <summary>The store of the API's host on <paramref name="connectionString"/>, for generating and rebuilding.</summary>
    public static WebApplication StoreHost(string connectionString, string rabbitPort) => BenchSystem.StoreHost(connectionString, rabbitPort, NoIssuer);

    private static async Task GenerateIntoAsync(string serverConnectionString, string rabbitPort, string database, long events, bool projectParticipations)
    {
        var clock = Stopwatch.StartNew();
        void Say(string what) => Console.WriteLine($"[{DateTime.UtcNow:HH:mm:ss}] {what} ({clock.Elapsed:hh\\:mm\\:ss})");
        await Databases.DropAsync(serverConnectionString, database);
        await Databases.CreateAsync(serverConnectionString, database);
        var connectionString = Databases.On(serverConnectionString, database);
        await using var host = StoreHost(connectionString, rabbitPort);
        var store = host.Services.GetRequiredService<IDocumentStore>();
        var model = new ScaleModel(store, ScaleModel.Groups(Groups), FirstYear, Years);
        await model.RegisterAdministrationsAsync();

        // Two writers, each its own run of tenders over every group and year: the database commits one while the other folds.
        const int writers = 2;
        var written = new long[writers];
        var reported = 0L;
        var gate = new object();
        IProgress<long> ProgressOf(int writer) => new Progress<long>(n =>
        {
            lock (gate)
            {
                written[writer] = n;
                if (written.Sum() - reported < 1_000_000)
                    return;
                reported = written.Sum();
                Say($"{reported:N0} events");
            }
        });
        Say($"Generating {events:N0} events for {Groups} groups over {Years} years into {database}, once...");
        var appended = await Task.WhenAll(Enumerable.Range(0, writers).Select(w =>
            Task.Run(() => model.AppendAsync(events / writers, $"SCALE-{w}", ProgressOf(w)))));

        if (projectParticipations)
        {
            Say("Projecting the participations (the async read model)...");
            await ProjectAsync(store, connectionString, [typeof(ParticipationProjection)], events);
        }
        else
            await ScaleMeasurements.AnalyzeAsync(connectionString); // as ProjectAsync does after projecting

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using (var create = new NpgsqlCommand($"CREATE TABLE {Marker} (events bigint NOT NULL, generated_at timestamptz NOT NULL)", connection))
            await create.ExecuteNonQueryAsync();
        await using var mark = new NpgsqlCommand($"INSERT INTO {Marker} VALUES ($1, now())", connection) { Parameters = { new() { Value = appended.Sum() } } };
        await mark.ExecuteNonQueryAsync();
        Say($"Ready: {appended.Sum():N0} events in database {database}");
    }

    /// <summary>
    /// After a change to a read model's projection or columns: the scale model's tenders or participations (or, without
    /// a name, both) projected again from its events, each about 7 to 10 minutes at 20 million.
    /// </summary>
    public static async Task ReprojectAsync(string serverConnectionString, string rabbitPort, string? which)
    {
        if (await EventsAsync(serverConnectionString) is not { } events)
            throw new InvalidOperationException("There is no scale model to project again; ./bench.sh --generate-scale makes one.");
        var projections = which switch
        {
            null => [typeof(TenderRecordProjection), typeof(ParticipationProjection)],
            "tenders" => [typeof(TenderRecordProjection)],
            "participations" => new[] { typeof(ParticipationProjection) },
            _ => throw new ArgumentException($"--reproject-scale takes tenders or participations, not '{which}'."),
        };
        var connectionString = Databases.On(serverConnectionString, Database);
        await using var host = StoreHost(connectionString, rabbitPort);
        var store = host.Services.GetRequiredService<IDocumentStore>();
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        await ProjectAsync(store, connectionString, projections, events);
    }

    private static async Task ProjectAsync(IDocumentStore store, string connectionString, Type[] projections, long events)
    {
        foreach (var projection in projections)
        {
            var clock = Stopwatch.StartNew();
            using (var daemon = await store.BuildProjectionDaemonAsync())
                await daemon.RebuildProjectionAsync(projection, TimeSpan.FromHours(3), CancellationToken.None);
            Console.WriteLine($"[{DateTime.UtcNow:HH:mm:ss}] {projection.Name} of {events:N0} events projected in {clock.Elapsed:hh\\:mm\\:ss}");
        }
        await ScaleMeasurements.AnalyzeAsync(connectionString);
    }
}
