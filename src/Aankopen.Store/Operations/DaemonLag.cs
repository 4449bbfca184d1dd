using System.Diagnostics.Metrics;
using Marten;

namespace Aankopen.Store.Operations;

/// <summary>
/// How many events each of the daemon's shards (read models, finance relay) is behind the newest event: for the
/// readiness check, and sampled as the <c>aankopen.projection.lag</c> gauge.
/// </summary>
public static class DaemonLag
{
    /// <summary>
    /// The newest event is read from the event sequence, not from Marten's store statistics: those count every event
    /// and stream, a scan that at a million events took long enough, every few seconds, to slow the queries served
    /// meanwhile. The sequence may run a few numbers ahead of the newest committed event (rolled-back appends).
    /// </summary>
    public static async Task<(long Newest, IReadOnlyDictionary<string, long> Behind)> ReadAsync(IDocumentStore store, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var newest = (await session.QueryAsync<long>($"select case when is_called then last_value else 0 end from {Infrastructure.StoreSettings.Schema}.mt_events_sequence", ct)).Single();
        var shards = (await store.Advanced.AllProjectionProgress(token: ct)).Where(s => s.ShardName != "HighWaterMark");
        return (newest, shards.ToDictionary(s => s.ShardName, s => Math.Max(0, newest - s.Sequence)));
    }
}

/// <summary>
/// Reads the lag every <c>Telemetry:LagSampleSeconds</c> (10 by default) in the background: a gauge's callback must
/// not wait on the database while the metrics are being collected.
/// </summary>
public sealed class DaemonLagSampler : BackgroundService
{
    private readonly IDocumentStore store;
    private readonly TimeSpan every;
    private readonly TimeProvider clock;
    private readonly ILogger<DaemonLagSampler> log;
    // Static like the meter it reports to: one gauge per process, whichever sampler instance wrote last.
    private static volatile IReadOnlyDictionary<string, long> latest = new Dictionary<string, long>();

    static DaemonLagSampler() =>
        Observability.Telemetry.Meter.CreateObservableGauge("aankopen.projection.lag",
            () => latest.Select(s => new Measurement<long>(s.Value, new KeyValuePair<string, object?>("aankopen.shard", s.Key))),
            "{event}", "Events between the newest one and where each daemon shard has got to.");

    public DaemonLagSampler(IDocumentStore store, IConfiguration configuration, TimeProvider clock, ILogger<DaemonLagSampler> log)
    {
        this.store = store;
        this.clock = clock;
        this.log = log;
        every = TimeSpan.FromSeconds(configuration.GetValue("Telemetry:LagSampleSeconds", 10.0));
    }

    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(every, clock);
        do
        {
            try
            {
                latest = (await DaemonLag.ReadAsync(store, ct)).Behind;
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                // The readiness check reports an unreachable database; the gauge keeps its last value meanwhile.
                log.LogDebug("Could not sample the daemon's lag: {Reason}", e.Message);
            }
            try
            {
                await Notifications.Parking.ParkedMessageGauge.SampleAsync(store, ct);
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                log.LogDebug("Could not count the parked finance messages: {Reason}", e.Message);
            }
        } while (await timer.WaitForNextTickAsync(ct));
    }
}
