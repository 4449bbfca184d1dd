using Aankopen.Domain.Tenders;
using Aankopen.Domain.Tenders.CloseOptIn;
using Aankopen.Store.Infrastructure;
using Aankopen.Store.Tenders;
using Aankopen.Store.Tenders.ReadModels;
using Marten;

namespace Aankopen.Worker.Schedules;

/// <summary>
/// Closes the opt-in of tenders whose deadline has passed, so that their dropped lots show without waiting for the
/// purchasing cell's next action. Deciders already treat a passed deadline as closed; this only records it.
/// Every <c>Tenders:DeadlineCheckSeconds</c> (default 60), on the clock the rest of the API uses.
/// </summary>
public sealed class OptInDeadlineCloser(
    IDocumentStore store, SystemDecisions decisions, Edge.Tenancy.Tenants tenants, TimeProvider clock, IConfiguration configuration, ILogger<OptInDeadlineCloser> log)
    : ClockedJob(clock, log)
{
    protected override TimeSpan Interval => Seconds(configuration, "Tenders:DeadlineCheckSeconds", 60);

    protected override string What => "Closing opt-ins past their deadline";

    public override async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var closed = 0;
        foreach (var tenant in tenants.Ids)
            closed += await CloseAsync(tenant, ct);
        return closed;
    }

    private async Task<int> CloseAsync(string tenant, CancellationToken ct)
    {
        var now = Clock.GetUtcNow();
        await using var session = store.LightweightSession(tenant);
        var due = await session.Query<TenderRecord>()
            .Where(t => t.Status == TenderStatus.OpenForOptIn && t.OptInDeadline < now)
            .Take(100).ToListAsync(ct);
        var closed = 0;
        foreach (var record in due)
        {
            // A write made meanwhile recorded the closing itself (deciders close a tender past its deadline first).
            var recorded = await decisions.RecordAsync(tenant, record,
                state => CloseOptInDecider.Decide(state, new CloseOptInCommand(TenderRules.DeadlineActor), now), "opt-in-deadline");
            if (recorded.Count == 0)
                continue;
            closed++;
            log.LogInformation("Opt-in of {Reference} closed at its deadline {Deadline:u}", record.Reference, record.OptInDeadline);
        }
        return closed;
    }
}
