using Marten;
using Weasel.Storage;

namespace Aankopen.Api.Infrastructure;

/// <summary>
/// Hands a session the inline read model's record that a decision was made on, so that when the decision's events are
/// saved Marten's inline projection folds them onto it instead of first loading it from the database: one round trip
/// fewer for every batch of appends, which is what the write path waits on. It is the record at the version the
/// append expects, and the append is refused unless the stream is still at that version, so the fold starts from
/// exactly what the database holds. Marten 9 looks in the session's identity map before loading
/// (<c>UseIdentityMapForAggregates</c>, on by default and set explicitly in <see cref="EventStoreSetup"/>);
/// GroupCommitTests checks that it still does.
/// </summary>
public static class RecordsOnHand
{
    public static void Seed<TRecord>(IDocumentSession session, Guid id, TRecord record) where TRecord : notnull
    {
        session.UseIdentityMapFor<TRecord>();
        var map = ((IStorageSession)session).ItemMap;
        if (!map.TryGetValue(typeof(TRecord), out var known))
            map[typeof(TRecord)] = known = new Dictionary<Guid, TRecord>();
        ((Dictionary<Guid, TRecord>)known)[id] = record;
    }
}
