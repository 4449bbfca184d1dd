using JasperFx.Events.Projections;

namespace Aankopen.Store.Infrastructure;

/// <summary>
/// How the daemon pages through events for a projection. The defaults (500 events a page, every aggregate read back
/// from the database for each page, every changed document written per page) made a rebuild of a million events
/// crawl; a tender's events come in runs, so bigger pages, a cache of aggregates and writes deferred until many
/// aggregates changed cut reads and writes to about one per tender (docs/performance.md).
/// </summary>
public static class RebuildTuning
{
    public static void Apply(AsyncOptions options)
    {
        options.BatchSize = 5_000;
        options.CacheLimitPerTenant = 10_000;
        options.RebuildFlushThreshold = 10_000;
    }
}
