using JasperFx;
using Marten;

namespace Aankopen.Api.Shared.Http;

/// <summary>A read model written inline with its stream: the folded state at a version.</summary>
public interface IStreamRecord<out TState>
{
    TState State { get; }
    long Version { get; }
}

/// <summary>
/// The one way a command changes an existing event stream (a tender, a membership): check who acts, Idempotency-Key
/// and If-Match, read the inline record, let the decider decide, and append its events expecting the version the
/// decision was made on. Nothing is written when anything refuses.
/// </summary>
public sealed class StreamWrites(IDocumentSession session, TimeProvider clock)
{
    public sealed record Stream<TRecord, TState>(
        Func<HttpContext, Guid, IResult> NotFound,
        Func<TState, object, TState> Transition,
        Func<TState, long, object> View) where TRecord : class, IStreamRecord<TState>;

    public async Task<IResult> ExecuteAsync<TRecord, TState>(
        HttpContext http, Guid id, Stream<TRecord, TState> stream, Func<TState, string, DateTimeOffset, Decision> decide, CancellationToken ct)
        where TRecord : class, IStreamRecord<TState>
    {
        var (actor, actorProblem) = Actor.Read(http);
        if (actorProblem is not null)
            return actorProblem;
        var (key, keyProblem) = IdempotencyKeys.Read(http);
        if (keyProblem is not null)
            return keyProblem;
        var (expected, versionProblem) = StreamVersions.ReadIfMatch(http);
        if (versionProblem is not null)
            return versionProblem;

        // One round trip for the stored record and the stream's version; Marten keeps the record in the session, so
        // the inline projection folds the new events onto it instead of loading it again (UseIdentityMapForAggregates).
        var fetched = await session.Events.FetchForWriting<TRecord>(id, ct);
        if (fetched.Aggregate is not { } record)
            return stream.NotFound(http, id);
        if (record.Version != expected)
            return await AlreadyDoneAsync(http, id, expected!.Value, key, stream, ct)
                ?? StreamVersions.Stale(http, StreamVersions.ETagFor(expected.Value), record.Version);

        var decision = decide(record.State, actor!, clock.GetUtcNow());
        if (decision.IsRefused)
            return Problems.From(http, decision.Errors);

        var newVersion = record.Version + decision.Events.Count;
        if (key is not null)
            session.SetHeader(IdempotencyKeys.EventHeader, key);
        // Marten checks at commit that the stream is still at the fetched version, so a concurrent write loses cleanly.
        fetched.AppendMany(decision.Events);
        try
        {
            await session.SaveChangesAsync(ct);
        }
        catch (Exception e) when (e is ConcurrencyException or JasperFx.Events.EventStreamUnexpectedMaxEventIdException)
        {
            return StreamVersions.Stale(http, StreamVersions.ETagFor(expected.Value));
        }

        var state = decision.Events.Aggregate(record.State, stream.Transition);
        StreamVersions.SetETag(http, newVersion);
        return TypedResults.Ok(stream.View(state, newVersion));
    }

    /// <summary>
    /// A client that retries a write whose answer it never received sends the same Idempotency-Key and the old
    /// If-Match. When the events right after that version carry the key, the write already happened: answer with
    /// the current state instead of a 412.
    /// </summary>
    private async Task<IResult?> AlreadyDoneAsync<TRecord, TState>(
        HttpContext http, Guid id, long expected, string? key, Stream<TRecord, TState> stream, CancellationToken ct)
        where TRecord : class, IStreamRecord<TState>
    {
        if (key is null)
            return null;
        var next = await session.Events.FetchStreamAsync(id, fromVersion: expected + 1, token: ct);
        if (next.Count == 0 || !IdempotencyKeys.Carries(next[0], key))
            return null;
        var current = await session.LoadAsync<TRecord>(id, ct);
        StreamVersions.SetETag(http, current!.Version);
        return TypedResults.Ok(stream.View(current.State, current.Version));
    }
}
