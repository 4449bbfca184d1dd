using Aankopen.Edge;
using Marten;

namespace Aankopen.Store.Infrastructure;

/// <summary>
/// <see cref="BatchedAppends"/> writes Marten's event tables with SQL of its own: a bet on Marten's internals. The
/// columns below are those that SQL was compared against, row for row, with Marten's own appends
/// (<c>BatchedAppendsMatchMartenTests</c>). When a Marten upgrade adds, removes or renames one, the service refuses to
/// start rather than write rows Marten would not recognise: the comparison must be run and this list updated first.
/// </summary>
public sealed class EventTablesAsWritten(IDocumentStore store) : IHostedService
{
    /// <summary>mt_events: all written by BatchedAppends except bdata (binary serialisation, unused: null either way).</summary>
    public static readonly string[] Events =
        ["seq_id", "id", "stream_id", "version", "data", "bdata", "type", "timestamp", "tenant_id", "mt_dotnet_type", "correlation_id", "headers", "is_archived"];

    /// <summary>mt_streams: an append moves version and timestamp; the rest is the stream's own since it was started.</summary>
    public static readonly string[] Streams = ["tenant_id", "id", "type", "version", "timestamp", "created", "compacted_version", "is_archived"];

    public async Task StartAsync(CancellationToken ct)
    {
        var differences = await DifferencesAsync(store, ct);
        if (differences.Count > 0)
            throw new StartupException(
                $"Marten's event tables are not the ones this build's own append SQL (BatchedAppends) was checked against: {string.Join("; ", differences)}. " +
                "Run BatchedAppendsMatchMartenTests against this Marten version and update EventTablesAsWritten before starting the service.");
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;

    /// <summary>Each table's columns that are there and not known, or known and not there.</summary>
    public static async Task<IReadOnlyList<string>> DifferencesAsync(IDocumentStore store, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var columns = await session.QueryAsync<string>(
            "select table_name || '.' || column_name from information_schema.columns where table_schema = ? and table_name in ('mt_events', 'mt_streams')",
            ct, store.Options.Events.DatabaseSchemaName);
        var differences = new List<string>();
        foreach (var (table, known) in new[] { ("mt_events", Events), ("mt_streams", Streams) })
        {
            var actual = columns.Where(c => c.StartsWith(table + ".", StringComparison.Ordinal)).Select(c => c[(table.Length + 1)..]).ToHashSet();
            if (actual.Except(known).ToArray() is { Length: > 0 } added)
                differences.Add($"{table} has {string.Join(", ", added)}, not written");
            if (known.Except(actual).ToArray() is { Length: > 0 } gone)
                differences.Add($"{table} lacks {string.Join(", ", gone)}");
        }
        return differences;
    }
}
