using System.Diagnostics;
using Aankopen.Contracts.Api.V1;
using Aankopen.Store.Infrastructure;
using Aankopen.Worker.Operations;
using Marten;
using Npgsql;

namespace Aankopen.Benchmarks;

/// <summary>Figures that need history: rebuilding the read models, and the main read queries at size.</summary>
public static class ScaleMeasurements
{
    private static readonly string[] ReadModelTables = ["mt_doc_tenderrecord", "mt_doc_participation"];

    public static async Task<long> EventCountAsync(IDocumentStore store)
    {
        await using var session = store.QuerySession(Aankopen.Edge.Tenancy.Tenants.Default);
        return await session.Events.QueryAllRawEvents().LongCountAsync();
    }

    /// <summary>Every read model thrown away and rebuilt from all events, as <c>rebuild-projections</c> does; events per second.</summary>
    public static async Task<double> RebuildAsync(IDocumentStore store)
    {
        var events = await EventCountAsync(store);
        using var daemon = await store.BuildProjectionDaemonAsync();
        var clock = Stopwatch.StartNew();
        await ProjectionRebuild.RebuildAllAsync(store, daemon, CancellationToken.None);
        return events / clock.Elapsed.TotalSeconds;
    }

    /// <summary>
    /// The tables vacuumed and the planner's statistics brought up to date, as autovacuum keeps them in a store that
    /// grew over years: measured seconds after generating, the planner would otherwise still see the tables as they
    /// were before, and counts could not be answered from an index alone (the visibility map is set by vacuum).
    /// </summary>
    public static async Task AnalyzeAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var analyze = new NpgsqlCommand("VACUUM (ANALYZE)", connection) { CommandTimeout = 0 };
        await analyze.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// The read models the main queries read (tender records, participations: tables, indexes and their out-of-line
    /// values) loaded into PostgreSQL's own cache, as a database server that restarts does with <c>pg_prewarm</c>: the
    /// servers have just started, and without it the first queries read from disk at random what a running service
    /// has in memory. One sequential read instead; the bytes read.
    /// </summary>
    public static async Task<long> PrewarmAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using (var extension = new NpgsqlCommand("CREATE EXTENSION IF NOT EXISTS pg_prewarm", connection))
            await extension.ExecuteNonQueryAsync();
        await using var prewarm = new NpgsqlCommand("""
            SELECT coalesce(sum(pg_prewarm(r.oid)), 0)::bigint * current_setting('block_size')::bigint
            FROM pg_class t
            JOIN pg_namespace n ON n.oid = t.relnamespace
            CROSS JOIN LATERAL (
                SELECT t.oid
                UNION ALL SELECT i.indexrelid FROM pg_index i WHERE i.indrelid = t.oid
                UNION ALL SELECT t.reltoastrelid WHERE t.reltoastrelid <> 0
                UNION ALL SELECT i.indexrelid FROM pg_index i WHERE t.reltoastrelid <> 0 AND i.indrelid = t.reltoastrelid) AS r(oid)
            WHERE n.nspname = $1 AND t.relname = ANY($2)
            """, connection)
        {
            CommandTimeout = 0,
            Parameters = { new() { Value = StoreSettings.Schema }, new() { Value = ReadModelTables } },
        };
        return (long)(await prewarm.ExecuteScalarAsync())!;
    }

    /// <summary>The floor for a rebuild: reading every event's JSON out of PostgreSQL once, without folding or writing.</summary>
    public static async Task<double> ReadAllEventsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var clock = Stopwatch.StartNew();
        await using var read = new NpgsqlCommand($"SELECT data FROM {StoreSettings.Schema}.mt_events ORDER BY seq_id", connection);
        await using var reader = await read.ExecuteReaderAsync();
        var count = 0L;
        while (await reader.ReadAsync())
        {
            _ = reader.GetString(0); // materialised, as a projection would need it
            count++;
        }
        return count / clock.Elapsed.TotalSeconds;
    }

    public static async Task<IReadOnlyList<Guid>> TenderIdsAsync(HttpClient api)
    {
        var page = await api.GetFromJsonAsync<PageView<TenderSummaryView>>("api/tenders?pageSize=200");
        return page!.Items.Select(t => t.Id).ToArray();
    }

    /// <summary>One client asking the same kind of question again and again, with varying arguments; latencies in ms.</summary>
    public static async Task<IReadOnlyList<double>> LatenciesAsync(HttpClient api, int count, Func<int, string> path)
    {
        for (var i = 0; i < 10; i++)
            (await api.GetAsync(path(i))).EnsureSuccessStatusCode();
        var latencies = new double[count];
        for (var i = 0; i < count; i++)
        {
            var clock = Stopwatch.StartNew();
            using var response = await api.GetAsync(path(i), HttpCompletionOption.ResponseContentRead);
            response.EnsureSuccessStatusCode();
            latencies[i] = clock.Elapsed.TotalMilliseconds;
        }
        return latencies;
    }
}
