using Aankopen.Store.Infrastructure;
using Marten;

namespace Aankopen.Store.Streams;

/// <summary>
/// How a kind of stream (a tender, a membership) is read as its inline record, by its page and by its writes. While a
/// rebuild of the read models has deleted a record and not yet written it again, the record is folded from the
/// stream's events instead, so the stream keeps answering rather than 404. The next write stores the record again,
/// and the rebuild keeps that one, since it folded a newer event.
/// </summary>
public sealed record StreamRecords<TRecord, TState>(
    IReadOnlyCollection<Type> EventTypes,
    Func<TState?, object, TState?> Transition,
    Func<TState, long, TRecord> Record) where TRecord : class, IStreamRecord<TState> where TState : class
{
    /// <summary>The state and the record as <paramref name="events"/> leave a stream that was at <paramref name="version"/>.</summary>
    public (TState State, TRecord Record) After(TState current, long version, IReadOnlyList<object> events)
    {
        var state = events.Aggregate(current, (folded, e) => Transition(folded, e)!);
        return (state, Record(state, version + events.Count));
    }

    /// <summary>
    /// The one way a decision made on the stream at <paramref name="version"/> is stored, whoever made it (a person's
    /// request or the service's own jobs): its events, with the record they fold to, through the group commit, expecting
    /// that version. Null when another write got there first; the state after the events otherwise.
    /// </summary>
    public async Task<TState?> AppendAsync(GroupCommit commits, string tenant, Guid id, TState current, long version,
        IReadOnlyList<object> events, WriteOrigin origin)
    {
        var (state, after) = After(current, version, events);
        return await commits.AppendAsync(tenant, id, version, events, after, origin) == GroupCommit.Outcome.Stale ? null : state;
    }

    public async Task<TRecord?> LoadAsync(IQuerySession session, Guid id, CancellationToken ct)
    {
        if (await session.LoadAsync<TRecord>(id, ct) is { } stored)
            return stored;
        var events = await session.Events.FetchStreamAsync(id, token: ct);
        // A stream of another kind (a membership's id asked for as a tender) is not found either.
        if (events.Count == 0 || events.Any(e => !EventTypes.Contains(e.EventType)))
            return null;
        var state = events.Aggregate((TState?)null, (folded, e) => Transition(folded, e.Data));
        return state is null ? null : Record(state, events[^1].Version);
    }
}
