namespace Aankopen.FinanceConnector;

/// <summary>
/// Which absent replicas this one may stand in for. One seen here since this replica started, and gone now, at once:
/// it stopped or died, and its administrations wait. One not seen yet only once this replica has been present for
/// <see cref="ConnectorSettings.ArrivalWait"/>: the replicas of a deployment start together, and the first up would
/// otherwise take every other's administrations for the few seconds until they arrive, then hand them all back (at a
/// regional scale thousands of queues, each consumer started and stopped again, while a backlog waits).
/// </summary>
public sealed class Arrivals(TimeSpan wait, TimeProvider clock)
{
    private readonly HashSet<int> seen = [];
    private DateTimeOffset? since;

    /// <summary>Takes in who is present now; from the first call on, this replica counts as started.</summary>
    public void Saw(IReadOnlySet<int> present)
    {
        since ??= clock.GetUtcNow();
        seen.UnionWith(present);
    }

    /// <summary>Whether an absent replica's administrations need a stand-in now.</summary>
    public bool Missed(int replica) => seen.Contains(replica) || (since is { } start && clock.GetUtcNow() - start >= wait);
}
