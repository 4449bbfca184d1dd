using System.Threading.Channels;
using Marten;
using Npgsql;

namespace Aankopen.Store.Infrastructure;

/// <summary>
/// Appends decided events to existing streams, committing the appends of concurrent requests together: one
/// transaction, one commit and one flush to disk for many tenders instead of one each. A request still waits until
/// its own events are committed, and each append still names the version its decision was made on, so a write
/// that lost a race is refused (<see cref="Outcome.Stale"/>) exactly as it would be alone. When a shared
/// transaction fails, its appends are written again one by one, so one stale or failing write never takes others
/// down with it. A batch is two statements of our own (<see cref="BatchedAppends"/>, <see cref="BatchedRecords"/>) sent
/// as one Npgsql batch, without a Marten session: there is nothing left for one to do. Each writer keeps its connection
/// open between batches: one taken from the pool for every batch was reset by Npgsql each time, seven statements in
/// front of the batch's own (docs/performance.md).
/// </summary>
public sealed class GroupCommit : IAsyncDisposable
{
    public enum Outcome { Appended, Stale }

    private sealed record Pending(string Tenant, BatchedAppends.Append Append, BatchedRecords.Row Record, TaskCompletionSource<Outcome> Done);

    /// <summary>A writer's connection, open from its first batch until a batch fails or the service stops.</summary>
    private sealed class Connection
    {
        public NpgsqlConnection? Open { get; set; }

        /// <summary>The count of failed batches when it was opened (<see cref="failures"/>).</summary>
        public int OpenedAfter { get; set; }
    }

    /// <summary>
    /// Batches that failed for another reason than a stale version. A connection opened before such a failure is
    /// replaced before its next batch: after PostgreSQL restarted, every writer's connection is dead, and the pool
    /// clearing its own idle connections does not reach connections that writers hold. The first write after a
    /// restart still gets its 503 (UnavailableProblems); the writes after it do not.
    /// </summary>
    private int failures;

    /// <summary>Enough to amortise a commit over many requests; a transaction this size still commits in milliseconds.</summary>
    private const int MaxBatch = 64;

    /// <summary>Two writers: one fills its next batch while the other waits for its commit.</summary>
    private const int Writers = 2;

    private readonly Channel<Pending> queue = Channel.CreateUnbounded<Pending>();
    private readonly IDocumentStore store;
    private readonly BatchedAppends appends;
    private readonly BatchedRecords records;
    private readonly Task[] writers;

    public GroupCommit(IDocumentStore store)
    {
        this.store = store;
        appends = new BatchedAppends(store);
        records = new BatchedRecords(store);
        writers = Enumerable.Range(0, Writers).Select(_ => Task.Run(WriteAsync)).ToArray();
    }

    /// <summary>
    /// Appends <paramref name="events"/> to a stream that is at <paramref name="version"/>, and stores
    /// <paramref name="record"/>, the stream's inline read model after them (at <paramref name="version"/> plus the
    /// events), with them: the decision already folded its events, so nothing folds them again. Not cancellable: once
    /// handed over the write either happens or fails, whether or not the client is still waiting. The events keep the
    /// correlation id and trace context of the request that decided them, although they share a transaction with other requests'.
    /// </summary>
    /// <param name="starts">Starts the stream (<paramref name="version"/> 0) as this aggregate; <see cref="Outcome.Stale"/> when it exists.</param>
    public Task<Outcome> AppendAsync<TRecord>(string tenant, Guid stream, long version, IReadOnlyList<object> events, TRecord record,
        WriteOrigin? origin, Type? starts = null) where TRecord : notnull
    {
        // Serialised here, on the request's side, in parallel with other requests, the record too; the trace context
        // as well: the writer task that commits runs outside it.
        var append = appends.Prepare(stream, version, events, origin, Observability.Telemetry.CurrentTraceParent, starts);
        var pending = new Pending(tenant, append, records.Prepare(record), new(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!queue.Writer.TryWrite(pending))
            throw new ObjectDisposedException(nameof(GroupCommit), "The service is stopping.");
        return pending.Done.Task;
    }

    private async Task WriteAsync()
    {
        var connection = new Connection();
        try
        {
            await WriteAsync(connection);
        }
        finally
        {
            if (connection.Open is { } open)
                await open.DisposeAsync();
        }
    }

    private async Task WriteAsync(Connection connection)
    {
        Pending? carried = null;
        while (carried is not null || await queue.Reader.WaitToReadAsync())
        {
            if (carried is null && !queue.Reader.TryRead(out carried))
                continue; // the other writer took it
            var batch = new List<Pending> { carried };
            var streams = new HashSet<Guid> { carried.Append.Stream };
            carried = null;
            // Two appends to one stream never share a transaction: the second would be judged against the version
            // before the first. It starts the next batch instead, as does an append of another tenant (a session
            // writes for one tenant).
            while (batch.Count < MaxBatch && queue.Reader.TryRead(out var next))
            {
                if (next.Tenant != batch[0].Tenant || !streams.Add(next.Append.Stream))
                {
                    carried = next;
                    break;
                }
                batch.Add(next);
            }
            await CommitAsync(batch, connection);
        }
    }

    private async Task CommitAsync(List<Pending> batch, Connection connection)
    {
        try
        {
            await SaveAsync(batch, connection);
            foreach (var pending in batch)
                pending.Done.TrySetResult(Outcome.Appended);
        }
        catch (Exception) when (batch.Count > 1)
        {
            foreach (var pending in batch)
                await CommitAsync([pending], connection);
        }
        catch (Exception e) when (BatchedAppends.IsStale(e))
        {
            batch[0].Done.TrySetResult(Outcome.Stale);
        }
        catch (Exception e)
        {
            batch[0].Done.TrySetException(e);
        }
    }

    private async Task SaveAsync(List<Pending> batch, Connection connection)
    {
        try
        {
            if (connection.Open is { } kept && connection.OpenedAfter != Volatile.Read(ref failures))
            {
                await kept.DisposeAsync();
                connection.Open = null;
            }
            if (connection.Open is null)
            {
                connection.OpenedAfter = Volatile.Read(ref failures);
                // Every tenant's events and documents are in the one database (conjoined tenancy, EventStoreSetup).
                connection.Open = store.Storage.Database.CreateConnection();
                await connection.Open.OpenAsync();
            }
            await using var written = Batch(connection.Open, appends, batch[0].Tenant, [.. batch.Select(p => (p.Append, p.Record))]);
            await written.ExecuteNonQueryAsync(CancellationToken.None);
        }
        catch (Exception e)
        {
            // A refused row (a stale version, a reference taken: integrity constraints, class 23) says nothing about
            // the connections; anything else may mean every writer's connection is dead.
            if (!BatchedAppends.IsStale(e) && e is not PostgresException { SqlState: ['2', '3', ..] })
                Interlocked.Increment(ref failures);
            // Whatever failed (a stale version, a server that went away), the next batch starts on a fresh connection.
            if (connection.Open is { } failed)
                await failed.DisposeAsync();
            connection.Open = null;
            throw;
        }
    }

    /// <summary>
    /// The appends' events and their streams' records as one batch of statements: one round trip, and, sent without a
    /// transaction of its own, one implicit transaction that PostgreSQL commits when the last statement is done. A
    /// statement that fails skips the rest and rolls back what went before: nothing is half-written.
    /// </summary>
    public static NpgsqlBatch Batch(NpgsqlConnection connection, BatchedAppends appends, string tenant,
        IReadOnlyList<(BatchedAppends.Append Append, BatchedRecords.Row Record)> writes)
    {
        var batch = new NpgsqlBatch(connection);
        batch.BatchCommands.Add(appends.Command(tenant, [.. writes.Select(w => w.Append)]));
        foreach (var command in BatchedRecords.Commands(tenant, writes.Select(w => (w.Append.Stream, w.Append.Expected + w.Append.Ids.Length, w.Record))))
            batch.BatchCommands.Add(command);
        return batch;
    }

    public async ValueTask DisposeAsync()
    {
        queue.Writer.TryComplete();
        await Task.WhenAll(writers);
    }
}
