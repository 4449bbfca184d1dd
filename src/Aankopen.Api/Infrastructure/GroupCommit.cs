using System.Threading.Channels;
using Aankopen.Api.Shared.Http;
using JasperFx;
using Marten;

namespace Aankopen.Api.Infrastructure;

/// <summary>
/// Appends decided events to existing streams, committing the appends of concurrent requests together: one
/// transaction, one commit and one flush to disk for many tenders instead of one each. A request still waits until
/// its own events are committed, and each append still names the version its decision was made on, so a write
/// that lost a race is refused (<see cref="Outcome.Stale"/>) exactly as it would be alone. When a shared
/// transaction fails, its appends are written again one by one, so one stale or failing write never takes others
/// down with it.
/// </summary>
public sealed class GroupCommit : IAsyncDisposable
{
    public enum Outcome { Appended, Stale }

    private sealed record Pending(string Tenant, BatchedAppends.Append Append, Action<IDocumentSession> StoreRecord, TaskCompletionSource<Outcome> Done);

    /// <summary>Enough to amortise a commit over many requests; a transaction this size still commits in milliseconds.</summary>
    private const int MaxBatch = 64;

    /// <summary>Two writers: one fills its next batch while the other waits for its commit.</summary>
    private const int Writers = 2;

    private readonly Channel<Pending> queue = Channel.CreateUnbounded<Pending>();
    private readonly IDocumentStore store;
    private readonly BatchedAppends appends;
    private readonly Task[] writers;

    public GroupCommit(IDocumentStore store)
    {
        this.store = store;
        appends = new BatchedAppends(store);
        writers = Enumerable.Range(0, Writers).Select(_ => Task.Run(WriteAsync)).ToArray();
    }

    /// <summary>
    /// Appends <paramref name="events"/> to a stream that is at <paramref name="version"/>, and stores
    /// <paramref name="record"/>, the stream's inline read model after them (at <paramref name="version"/> plus the
    /// events), with them: the decision already folded its events, so nothing folds them again. Not cancellable: once
    /// handed over the write either happens or fails, whether or not the client is still waiting. The events keep the
    /// correlation id and trace context of the request that decided them, although they share a transaction with other requests'.
    /// </summary>
    public Task<Outcome> AppendAsync<TRecord>(string tenant, Guid stream, long version, IReadOnlyList<object> events, TRecord record,
        string? idempotencyKey, string? correlationId = null) where TRecord : notnull
    {
        // Serialised here, on the request's side, in parallel with other requests; the trace context too: the writer
        // task that commits runs outside it.
        var append = appends.Prepare(stream, version, events, idempotencyKey, correlationId, Observability.Telemetry.CurrentTraceParent);
        var pending = new Pending(tenant, append, session => session.Store(record), new(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!queue.Writer.TryWrite(pending))
            throw new ObjectDisposedException(nameof(GroupCommit), "The service is stopping.");
        return pending.Done.Task;
    }

    private async Task WriteAsync()
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
            await CommitAsync(batch);
        }
    }

    private async Task CommitAsync(List<Pending> batch)
    {
        try
        {
            await SaveAsync(batch);
            foreach (var pending in batch)
                pending.Done.TrySetResult(Outcome.Appended);
        }
        catch (Exception) when (batch.Count > 1)
        {
            foreach (var pending in batch)
                await CommitAsync([pending]);
        }
        catch (Exception e) when (e is ConcurrencyException || BatchedAppends.IsStale(e))
        {
            batch[0].Done.TrySetResult(Outcome.Stale);
        }
        catch (Exception e)
        {
            batch[0].Done.TrySetException(e);
        }
    }

    private async Task SaveAsync(List<Pending> batch)
    {
        await using var saving = await CommitWithTheBatch.OpenAsync(store, batch[0].Tenant);
        var session = saving.Session;
        appends.Queue(session, batch[0].Tenant, [.. batch.Select(p => p.Append)]);
        foreach (var pending in batch)
            pending.StoreRecord(session);
        await session.SaveChangesAsync(CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        queue.Writer.TryComplete();
        await Task.WhenAll(writers);
    }
}
