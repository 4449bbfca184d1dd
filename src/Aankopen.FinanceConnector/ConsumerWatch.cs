using MassTransit;

namespace Aankopen.FinanceConnector;

/// <summary>
/// Whether one queue's consumer runs now, from MassTransit's own events for its endpoint: ready once it consumes,
/// not running from the moment it faults (a lost connection, a refused queue) until it is ready again. A consumer that
/// never started and one that stopped after a fault look alike here, as they do to the messages waiting for it.
/// </summary>
public sealed class ConsumerWatch(TimeProvider clock) : IReceiveEndpointObserver
{
    private sealed record State(bool Running, DateTimeOffset Since);

    private volatile State state = new(false, clock.GetUtcNow());

    /// <summary>True when it has not been running for longer than <paramref name="patience"/>.</summary>
    public bool Stalled(TimeSpan patience) => state is { Running: false } s && clock.GetUtcNow() - s.Since > patience;

    public Task Ready(ReceiveEndpointReady ready) => Set(running: true);

    public Task Faulted(ReceiveEndpointFaulted faulted) => Set(running: false);

    // Stopping and Completed only follow this connector letting go of the queue, after which nobody asks.
    public Task Stopping(ReceiveEndpointStopping stopping) => Task.CompletedTask;

    public Task Completed(ReceiveEndpointCompleted completed) => Task.CompletedTask;

    private Task Set(bool running)
    {
        // Only a change moves "since": a second fault while already down does not restart the patience.
        if (state.Running != running)
            state = new State(running, clock.GetUtcNow());
        return Task.CompletedTask;
    }
}
