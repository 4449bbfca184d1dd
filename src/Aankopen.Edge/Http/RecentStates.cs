using System.Collections.Concurrent;

namespace Aankopen.Edge.Http;

/// <summary>
/// The state this process's last write left each stream in. A command whose If-Match names exactly that version is
/// decided on it without reading the database first. That stays right when another process wrote in between: the
/// append still requires the stream to be at that version, so the write is refused as stale, as the client's
/// If-Match then is.
/// </summary>
public sealed class RecentStates
{
    /// <summary>Tenders being worked on at once; forgetting costs one read, never a wrong answer.</summary>
    public const int Capacity = 5_000;

    /// <summary>By tenant and stream: a stream id known to one tenant must never answer another's request.</summary>
    private readonly ConcurrentDictionary<(string Tenant, Guid Stream), (object State, long Version)> states = new();

    public int Count => states.Count;

    public bool TryGet<TState>(string tenant, Guid stream, long version, out TState state)
    {
        if (states.TryGetValue((tenant, stream), out var known) && known.Version == version && known.State is TState s)
        {
            state = s;
            return true;
        }
        state = default!;
        return false;
    }

    public void Remember(string tenant, Guid stream, object state, long version)
    {
        if (states.Count >= Capacity)
            states.Clear();
        states[(tenant, stream)] = (state, version);
    }
}
