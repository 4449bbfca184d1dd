using Marten;
using Npgsql;
using NpgsqlTypes;

namespace Aankopen.Store.Infrastructure;

/// <summary>
/// Writes the events of a group commit's appends, every stream of the batch in one statement, into Marten's own
/// tables and with the rows Marten writes (the same columns, type names and serializer): the daemon, the relay and
/// every reader see no difference. Marten's quick append calls its database function once per stream, and that
/// function reads the stream's row twice, inserts the events one at a time and updates the row: under the benchmark's
/// opt-ins it was 28 % of PostgreSQL's time, plus starting the executor for each call (docs/performance.md).
/// <para>
/// A stream that is no longer at the version its append expects refuses the whole statement, so the batch's
/// transaction commits none of it: the stream update only touches streams still at their expected version, a new
/// stream (expected version 0) is only inserted when no stream has its id, and an event of any other stream gets no
/// version, which the column refuses (<see cref="IsStale"/>). The stream's read model
/// goes along in the same batch (<see cref="BatchedRecords"/>), as Marten's inline projection would have folded it
/// (GroupCommitTests compare the two).
/// </para>
/// </summary>
public sealed class BatchedAppends
{
    /// <summary>One stream's decided events, ready to be written: prepared on the request's thread, not the writer's.</summary>
    /// <param name="StartsAs">For a new stream (<paramref name="Expected"/> 0): its aggregate's name, as Marten records it.</param>
    public sealed record Append(Guid Stream, long Expected, Guid[] Ids, string[] Types, string[] DotNetTypes, string[] Bodies,
        string? CorrelationId, string? Headers, string? StartsAs = null);

    private readonly Dictionary<Type, (string Name, string DotNetName)> names;
    private readonly Marten.Events.EventGraph eventGraph;
    private readonly ISerializer serializer;
    private readonly TypedCommand statement;

    public BatchedAppends(IDocumentStore store)
    {
        names = store.Options.Events.AllKnownEventTypes().ToDictionary(t => t.EventType, t => (t.EventTypeName, t.DotNetTypeName));
        serializer = store.Options.Serializer();
        eventGraph = (Marten.Events.EventGraph)store.Options.Events;
        var schema = store.Options.Events.DatabaseSchemaName;
        // Arrays, so that the statement's text is the same for any batch and is prepared once per connection. Events
        // get the database's clock (now()), as streams do.
        var sql = $"""
            WITH a AS (SELECT * FROM unnest(?::uuid[], ?::bigint[], ?::bigint[], ?::varchar[]) AS a(id, before, after, type)),
            started AS (
                INSERT INTO {schema}.mt_streams AS s (id, type, version, timestamp, created, tenant_id, is_archived)
                SELECT a.id, a.type, a.after, now(), now(), ?, false FROM a WHERE a.before = 0
                ON CONFLICT DO NOTHING
                RETURNING s.id),
            moved AS (
                UPDATE {schema}.mt_streams AS s SET version = a.after, timestamp = now()
                FROM a
                WHERE a.before > 0 AND s.tenant_id = ? AND s.id = a.id AND s.version = a.before AND s.is_archived IS NOT TRUE
                RETURNING s.id)
            INSERT INTO {schema}.mt_events
                (seq_id, id, stream_id, version, data, type, tenant_id, timestamp, mt_dotnet_type, is_archived, correlation_id, headers)
            SELECT nextval('{schema}.mt_events_sequence'), e.id, e.stream_id,
                CASE WHEN e.stream_id IN (SELECT id FROM moved UNION ALL SELECT id FROM started) THEN e.version END,
                e.data, e.type, ?, now(), e.dotnet_type, false, e.correlation_id, e.headers
            FROM unnest(?::uuid[], ?::uuid[], ?::bigint[], ?::jsonb[], ?::varchar[], ?::varchar[], ?::varchar[], ?::jsonb[])
                AS e(id, stream_id, version, data, type, dotnet_type, correlation_id, headers)
            """;
        statement = new TypedCommand(sql);
    }

    /// <param name="starts">For a new stream (<paramref name="expected"/> 0): its aggregate type.</param>
    public Append Prepare(Guid stream, long expected, IReadOnlyList<object> events, WriteOrigin? origin, string? traceParent, Type? starts = null)
    {
        var headers = new Dictionary<string, object>();
        origin?.AddHeaders(headers);
        if (traceParent is not null)
            headers[EventTraces.Header] = traceParent;
        var types = events.Select(e => names.TryGetValue(e.GetType(), out var name)
            ? name
            : throw new InvalidOperationException($"{e.GetType().Name} is not an event type of the store.")).ToArray();
        return new Append(stream, expected, [.. events.Select(_ => Guid.CreateVersion7())], [.. types.Select(t => t.Name)], [.. types.Select(t => t.DotNetName)],
            [.. events.Select(serializer.ToJson)], origin?.CorrelationId, headers.Count == 0 ? null : serializer.ToJson(headers),
            starts is null ? null : eventGraph.AggregateAliasFor(starts));
    }

    /// <summary>The appends' one statement, for a batch that writes for <paramref name="tenant"/>.</summary>
    public NpgsqlBatchCommand Command(string tenant, IReadOnlyCollection<Append> appends)
    {
        var events = appends.SelectMany(a => a.Ids.Select((id, i) => (Append: a, Id: id, At: i))).ToArray();
        return statement.With(
            (appends.Select(a => a.Stream).ToArray(), Uuids), (appends.Select(a => a.Expected).ToArray(), Bigints),
            (appends.Select(a => a.Expected + a.Ids.Length).ToArray(), Bigints), (appends.Select(a => a.StartsAs).ToArray(), Varchars),
            // The tenant three times: for the started streams' rows, the moved ones' and the events' (placeholders are positional).
            (tenant, NpgsqlDbType.Varchar), (tenant, NpgsqlDbType.Varchar), (tenant, NpgsqlDbType.Varchar),
            (events.Select(e => e.Id).ToArray(), Uuids), (events.Select(e => e.Append.Stream).ToArray(), Uuids),
            (events.Select(e => e.Append.Expected + e.At + 1).ToArray(), Bigints), (events.Select(e => e.Append.Bodies[e.At]).ToArray(), Jsonbs),
            (events.Select(e => e.Append.Types[e.At]).ToArray(), Varchars), (events.Select(e => e.Append.DotNetTypes[e.At]).ToArray(), Varchars),
            (events.Select(e => e.Append.CorrelationId).ToArray(), Varchars), (events.Select(e => e.Append.Headers).ToArray(), Jsonbs));
    }

    private const NpgsqlDbType Uuids = NpgsqlDbType.Array | NpgsqlDbType.Uuid;
    private const NpgsqlDbType Bigints = NpgsqlDbType.Array | NpgsqlDbType.Bigint;
    private const NpgsqlDbType Jsonbs = NpgsqlDbType.Array | NpgsqlDbType.Jsonb;
    private const NpgsqlDbType Varchars = NpgsqlDbType.Array | NpgsqlDbType.Varchar;

    /// <summary>
    /// Whether a save failed because a stream was no longer at the version its append expected: an event left without
    /// a version (above), or, should two writes race past that check, the stream's versions colliding.
    /// </summary>
    public static bool IsStale(Exception failure)
    {
        for (var e = failure; e is not null; e = e.InnerException)
            if (e is PostgresException { SqlState: PostgresErrorCodes.NotNullViolation, TableName: "mt_events", ColumnName: "version" }
                or PostgresException { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: "pk_mt_events_stream_and_version" })
                return true;
        return false;
    }
}
