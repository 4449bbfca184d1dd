using System.Runtime.CompilerServices;
using Aankopen.Domain.Tenders;
using Marten;
using Npgsql;
using NpgsqlTypes;

namespace Aankopen.Store.Tenders.ReadModels;

/// <summary>One stored event of a tender: its place in the stream and in the store, and what it says.</summary>
public sealed record StoredTenderEvent(long Version, long Sequence, object Data);

/// <summary>Every event of one tender stream, in the order of the stream.</summary>
public sealed record TenderStream(Guid Id, IReadOnlyList<StoredTenderEvent> Events);

/// <summary>A page of one tenant's tender streams, each complete.</summary>
public sealed record TenderStreamPage(string Tenant, IReadOnlyList<TenderStream> Streams)
{
    public int EventCount => Streams.Sum(s => s.Events.Count);
}

/// <summary>
/// Reads the tender events stream by stream, a page of streams at a time, for folding each tender once from its
/// first event to its last. The daemon reads the store in the order events were appended, so a tender's events are
/// spread over many of its pages and every read model built from them takes its own pass.
/// </summary>
public sealed class TenderStreams(IDocumentStore store, int streamsPerPage = TenderStreams.StreamsPerPage)
{
    /// <summary>About 20 events a tender: some 40,000 events a page, a few megabytes of JSON.</summary>
    public const int StreamsPerPage = 2_000;

    private readonly string schema = store.Options.Events.DatabaseSchemaName;
    private readonly ISerializer serializer = store.Options.Serializer();
    private readonly Dictionary<string, Type> types = store.Options.Events.AllKnownEventTypes()
        .Where(t => TenderEventTypes.All.Contains(t.EventType))
        .ToDictionary(t => t.EventTypeName, t => t.EventType);
    private string[] TypeNames => field ??= [.. types.Keys];

    public async IAsyncEnumerable<TenderStreamPage> ReadAsync([EnumeratorCancellation] CancellationToken ct)
    {
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(ct);
        foreach (var tenant in await TenantsAsync(connection, ct))
        {
            var after = Guid.Empty;
            while (await StreamIdsAsync(connection, tenant, after, ct) is { Length: > 0 } ids)
            {
                after = ids[^1];
                var streams = await EventsAsync(connection, tenant, ids, ct);
                if (streams.Count > 0)
                    yield return new TenderStreamPage(tenant, streams);
            }
        }
    }

    private async Task<List<string>> TenantsAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand($"SELECT DISTINCT tenant_id FROM {schema}.mt_streams ORDER BY tenant_id", connection);
        var tenants = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            tenants.Add(reader.GetString(0));
        return tenants;
    }

    /// <summary>The next streams after <paramref name="after"/>, in the order of the streams' primary key.</summary>
    private async Task<Guid[]> StreamIdsAsync(NpgsqlConnection connection, string tenant, Guid after, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            $"SELECT id FROM {schema}.mt_streams WHERE tenant_id = $1 AND id > $2 ORDER BY id LIMIT {streamsPerPage}", connection)
        {
            Parameters = { new() { Value = tenant, NpgsqlDbType = NpgsqlDbType.Varchar }, new() { Value = after, NpgsqlDbType = NpgsqlDbType.Uuid } },
        };
        var ids = new List<Guid>(streamsPerPage);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            ids.Add(reader.GetGuid(0));
        return [.. ids];
    }

    /// <summary>
    /// The tender events of these streams (membership streams have none). Sorted here rather than by PostgreSQL: the
    /// index on (tenant, stream, version) finds them, but this PostgreSQL returns an "any of these streams" lookup
    /// unordered, and sorting a page's JSON in the database would spill to disk.
    /// </summary>
    private async Task<List<TenderStream>> EventsAsync(NpgsqlConnection connection, string tenant, Guid[] ids, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            $"SELECT stream_id, version, seq_id, type, data FROM {schema}.mt_events WHERE tenant_id = $1 AND stream_id = ANY($2) AND type = ANY($3)",
            connection)
        {
            Parameters =
            {
                new() { Value = tenant, NpgsqlDbType = NpgsqlDbType.Varchar },
                new() { Value = ids, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid },
                new() { Value = TypeNames, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Varchar },
            },
        };
        var byStream = new Dictionary<Guid, List<StoredTenderEvent>>();
        await using (var reader = await command.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct))
            {
                var stream = reader.GetGuid(0);
                if (!byStream.TryGetValue(stream, out var events))
                    byStream[stream] = events = [];
                // The row is already in memory (ReadAsync buffers it): deserialising it needs no wait.
                events.Add(new StoredTenderEvent(reader.GetInt64(1), reader.GetInt64(2), serializer.FromJson(types[reader.GetString(3)], reader, 4)));
            }
        return [.. byStream.Select(s => new TenderStream(s.Key, [.. s.Value.OrderBy(e => e.Version)]))];
    }
}
