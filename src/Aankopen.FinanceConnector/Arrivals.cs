namespace Aankopen.FinanceConnector;

/// <summary>
/// Whether this replica has been among the others for <see cref="ConnectorSettings.ArrivalWait"/>, and so stands in for
/// absent ones (<see cref="ReplicaPresence.SettleAsync"/>). The replicas of a deployment start together: without the
/// wait, the first up would take every other's administrations for the few seconds until they arrive, then hand them
/// all back (at a regional scale thousands of queues, each consumer started and stopped again, while a backlog waits).
/// </summary>
public sealed class Arrivals(TimeSpan wait, TimeProvider clock)
{
    private DateTimeOffset? since;

    /// <summary>This replica could look who is present; from the first time on, it counts as arrived.</summary>
    public void Saw() => since ??= clock.GetUtcNow();

    public bool Over => since is { } start && clock.GetUtcNow() - start >= wait;
}
