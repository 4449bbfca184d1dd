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
public sealed class StreamWrites(IDocumentSession session, Infrastructure.GroupCommit commits, RecentStates recent, TimeProvider clock)
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

        var version = expected!.Value;
        if (!recent.TryGet(id, version, out TState current))
        {
            var record = await session.LoadAsync<TRecord>(id, ct);
            if (record is null)
                return stream.NotFound(http, id);
            if (record.Version != version)
                return await StaleAsync(http, id, version, key, stream, ct);
            current = record.State;
        }

        var decision = decide(current, actor!, clock.GetUtcNow());
        if (decision.IsRefused)
            return Problems.From(http, decision.Errors);

        // Committed with the writes of other requests; refused as stale when a concurrent write got there first.
        if (await commits.AppendAsync(id, version, decision.Events, key) == Infrastructure.GroupCommit.Outcome.Stale)
            return await StaleAsync(http, id, version, key, stream, ct);

        var newVersion = version + decision.Events.Count;
        var state = decision.Events.Aggregate(current, stream.Transition);
        recent.Remember(id, state!, newVersion);
        StreamVersions.SetETag(http, newVersion);
        return TypedResults.Ok(stream.View(state, newVersion));
    }

    /// <summary>The stream is no longer at the version the client named: 412 with the current one, unless it was this very write.</summary>
    private async Task<IResult> StaleAsync<TRecord, TState>(
        HttpContext http, Guid id, long expected, string? key, Stream<TRecord, TState> stream, CancellationToken ct)
        where TRecord : class, IStreamRecord<TState>
    {
        var current = await session.LoadAsync<TRecord>(id, ct);
        return await AlreadyDoneAsync(http, id, expected, key, stream, ct)
            ?? StreamVersions.Stale(http, StreamVersions.ETagFor(expected), current?.Version);
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
