namespace Aankopen.Store.Infrastructure;

/// <summary>
/// Work the service does by itself on the API's clock (a <see cref="TimeProvider"/>, so tests can move it): once at
/// start, then every interval. A failed run (the database away, say) is logged and the next one catches up.
/// </summary>
public abstract class ClockedJob(TimeProvider clock, ILogger log) : BackgroundService
{
    protected TimeProvider Clock { get; } = clock;

    protected abstract TimeSpan Interval { get; }

    /// <summary>What a failed run is called in the log.</summary>
    protected abstract string What { get; }

    public abstract Task<int> RunOnceAsync(CancellationToken ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, Clock);
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                log.LogWarning("{What} failed: {Reason}. The next run catches up.", What, e.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    protected static TimeSpan Seconds(IConfiguration configuration, string key, double defaultSeconds) =>
        TimeSpan.FromSeconds(Math.Max(0.05, configuration.GetValue(key, defaultSeconds)));
}
