using Aankopen.Domain;
using Aankopen.Domain.Tenders.Renewals;
using Aankopen.Store.Infrastructure;
using Aankopen.Store.Tenders;
using Aankopen.Store.Tenders.ReadModels;
using Marten;

namespace Aankopen.Worker.Schedules;

/// <summary>
/// Records renewals on time, inside the service: "renewal due" a lead time before each notice deadline
/// (<c>Tenders:RenewalLeadDays</c>, default 30), and at each period end the tacit renewal or the end of the
/// contract. Every <c>Tenders:RenewalCheckSeconds</c> (default 3600) on the worker's clock, in every worker.
/// After downtime the next run records what was missed, in order. Two runs racing on one tender cannot both write:
/// the append expects the version the decision was made on, and the loser finds nothing left to do next time.
/// </summary>
public sealed class RenewalScheduler(
    IDocumentStore store, SystemDecisions decisions, Edge.Tenancy.Tenants tenants, TimeProvider clock, IConfiguration configuration, ILogger<RenewalScheduler> log)
    : ClockedJob(clock, log)
{
    private int LeadDays => Math.Clamp(configuration.GetValue("Tenders:RenewalLeadDays", 30), 0, 365);

    protected override TimeSpan Interval => Seconds(configuration, "Tenders:RenewalCheckSeconds", 3600);

    protected override string What => "Recording renewals";

    /// <returns>How many events were recorded.</returns>
    public override async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var recorded = 0;
        foreach (var tenant in tenants.Ids)
            recorded += await RecordAsync(tenant, ct);
        return recorded;
    }

    private async Task<int> RecordAsync(string tenant, CancellationToken ct)
    {
        var now = Clock.GetUtcNow();
        var today = BrusselsCalendar.DateOf(now);
        var horizon = today.AddDays(LeadDays);
        await using var query = store.QuerySession(tenant);
        var due = await query.Query<TenderRecord>()
            .Where(t => t.NextRenewalCheck != null && t.NextRenewalCheck <= horizon)
            .Select(t => t.Id).ToListAsync(ct);
        var recorded = 0;
        foreach (var id in due)
        {
            var record = await query.LoadAsync<TenderRecord>(id, ct);
            if (record is null)
                continue;
            // When another write got there first, what is still due is found on the next run.
            var events = await decisions.RecordAsync(tenant, record, state => RenewalDeciders.Advance(state, today, LeadDays, now), "renewals");
            if (events.Count == 0)
                continue;
            recorded += events.Count;
            log.LogInformation("Recorded {Count} renewal event(s) for {Reference}: {Events}", events.Count, record.Reference,
                string.Join(", ", events.Select(e => e.GetType().Name)));
        }
        return recorded;
    }
}
