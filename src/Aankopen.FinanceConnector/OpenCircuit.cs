using Polly.CircuitBreaker;

namespace Aankopen.FinanceConnector;

/// <summary>
/// While the circuit breaker is open no call reaches the finance system, so a refusal then says nothing about the
/// message itself: the finance system is down. The message waits for the breaker to let calls through again rather
/// than spend its redeliveries, which a short break would otherwise burn in seconds and send to the error queue.
/// The wait is bounded, so that an outage of hours still ends in the error queue, where an operator sees it.
/// </summary>
public static class OpenCircuit
{
    /// <summary>
    /// Makes <paramref name="call"/>, waiting out open-circuit refusals (for as long as the breaker says, else
    /// <paramref name="fallbackWait"/>) until <paramref name="patience"/> has gone by; the refusal after that is
    /// thrown, to be counted as a failed attempt. Any other failure is thrown at once. <paramref name="waiting"/> hears
    /// of each wait with its number (1 for the first). Cancelling
    /// <paramref name="ct"/> (a shutdown) ends the wait and leaves the message with the broker.
    /// </summary>
    public static async Task<T> CallPastAsync<T>(Func<CancellationToken, Task<T>> call, TimeSpan fallbackWait, TimeSpan patience,
        TimeProvider time, Func<TimeSpan, int, Task> waiting, CancellationToken ct)
    {
        var started = time.GetTimestamp();
        var waits = 0;
        while (true)
        {
            try
            {
                return await call(ct);
            }
            catch (Exception e) when (BrokenCircuitIn(e) is { } broken && time.GetElapsedTime(started) < patience)
            {
                var wait = broken.RetryAfter is { } after && after > TimeSpan.Zero ? after : fallbackWait;
                await waiting(wait, ++waits);
                await Task.Delay(wait, time, ct);
            }
        }
    }

    /// <summary>The breaker's refusal, also when the HTTP client library wrapped it in an exception of its own.</summary>
    private static BrokenCircuitException? BrokenCircuitIn(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
            if (e is BrokenCircuitException broken)
                return broken;
        return null;
    }
}
