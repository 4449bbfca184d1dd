using Aankopen.Domain;
using Aankopen.Edge.Http;
using Aankopen.Edge.Security;
using Aankopen.Store.Infrastructure;
using Marten;

namespace Aankopen.Store.Streams;

/// <summary>A read model written inline with its stream: the folded state at a version.</summary>
public interface IStreamRecord<out TState>
{
    TState State { get; }
    long Version { get; }
}

/// <summary>
/// The one way a command changes an existing event stream (a tender, a membership): check who acts, Idempotency-Key
/// and If-Match, read the inline record (<see cref="StreamRecords{TRecord, TState}"/>, or take the state this process's
/// last write left), let the decider decide, and append its events through <see cref="GroupCommit"/>
/// expecting the version the decision was made on. Nothing is written when anything refuses.
/// </summary>
public sealed class StreamWrites(IDocumentSession session, GroupCommit commits, RecentStates recent, TimeProvider clock)
{
    /// <summary>
    /// A kind of stream: how it is read, whom it is shown to and how. <paramref name="Visible"/> is asked before anything
    /// about the stream is answered (its version included), and <paramref name="View"/> builds the answer for the
    /// caller's scope, so no answer of a write can be made without saying for whom.
    /// </summary>
    public sealed record Stream<TRecord, TState>(
        Func<HttpContext, Guid, IResult> NotFound,
        StreamRecords<TRecord, TState> Records,
        Func<TState, UserScope, bool> Visible,
        Func<TState, long, UserScope, object> View) where TRecord : class, IStreamRecord<TState> where TState : class;

    public async Task<IResult> ExecuteAsync<TRecord, TState>(
        HttpContext http, Guid id, Stream<TRecord, TState> stream, Func<TState, string, DateTimeOffset, Decision> decide, CancellationToken ct)
        where TRecord : class, IStreamRecord<TState> where TState : class
    {
        var (actor, actorProblem) = Actor.Read(http);
        if (actorProblem is not null)
            return actorProblem;
        var (key, keyProblem) = IdempotencyKeys.Read(http);
        if (keyProblem is not null)
            return keyProblem;
        var scope = http.ScopeOf();
        var (expected, versionProblem) = StreamVersions.ReadIfMatch(http);
        if (versionProblem is not null)
        {
            // Whatever its If-Match, a stream the caller may not see is not found.
            var seen = await stream.Records.LoadAsync(session, id, ct);
            return seen is null || !stream.Visible(seen.State, scope) ? stream.NotFound(http, id) : versionProblem;
        }

        var version = expected!.Value;
        var origin = IdempotencyKeys.OriginOf(http, key);
        var tenant = session.TenantId;
        if (!recent.TryGet(tenant, id, version, out TState current))
        {
            var record = await stream.Records.LoadAsync(session, id, ct);
            // A stream the caller may not see is not found, whatever version it names: a 412 would tell its version.
            if (record is null || !stream.Visible(record.State, scope))
                return stream.NotFound(http, id);
            if (record.Version != version)
                return await StaleAsync(http, id, version, origin, stream, record, ct);
            current = record.State;
        }
        else if (!stream.Visible(current, scope))
            return stream.NotFound(http, id);

        var decision = decide(current, actor!, clock.GetUtcNow());
        if (decision.IsRefused)
            return Problems.From(http, decision.Errors);

        // Committed with the writes of other requests; refused as stale when a concurrent write got there first. The
        // inline record goes along as the decision's events leave it, folded once, here.
        var newVersion = version + decision.Events.Count;
        if (await stream.Records.AppendAsync(commits, tenant, id, current, version, decision.Events, origin) is not { } state)
            return await StaleAsync(http, id, version, origin, stream, null, ct);

        recent.Remember(tenant, id, state, newVersion);
        StreamVersions.SetETag(http, newVersion);
        return ReturnPreference.Answer(http, () => stream.View(state, newVersion, scope));
    }

    /// <summary>
    /// The stream is no longer at the version the client named: 412 with the current one. Unless it was this very
    /// write: a client that retries a write whose answer it never received sends the same Idempotency-Key and the old
    /// If-Match, and when the events right after that version carry the key and the fingerprint of this same request
    /// (same caller, route and body), it gets the current state instead.
    /// </summary>
    private async Task<IResult> StaleAsync<TRecord, TState>(
        HttpContext http, Guid id, long expected, WriteOrigin origin, Stream<TRecord, TState> stream, TRecord? current, CancellationToken ct)
        where TRecord : class, IStreamRecord<TState> where TState : class
    {
        current ??= await stream.Records.LoadAsync(session, id, ct);
        if (current is not null && !stream.Visible(current.State, http.ScopeOf()))
            return stream.NotFound(http, id);
        if (current is null || origin.IdempotencyKey is null || !await NextEventReplaysAsync(id, expected, origin, ct))
            return StreamVersions.Stale(http, StreamVersions.ETagFor(expected), current?.Version);
        StreamVersions.SetETag(http, current.Version);
        return ReturnPreference.Answer(http, () => stream.View(current.State, current.Version, http.ScopeOf()));
    }

    private async Task<bool> NextEventReplaysAsync(Guid id, long expected, WriteOrigin origin, CancellationToken ct)
    {
        var next = await session.Events.FetchStreamAsync(id, fromVersion: expected + 1, token: ct);
        return next.Count > 0 && IdempotencyKeys.Replays(next[0], origin);
    }
}
