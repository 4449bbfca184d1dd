using Aankopen.Api.Infrastructure;
using Aankopen.Api.Shared.Http;
using Aankopen.Api.Tenders.ReadModels;
using Aankopen.Domain.Tenders;
using Aankopen.Domain.Tenders.CloseOptIn;
using Marten;

namespace Aankopen.Api.Tenders.CloseOptIn;

/// <summary>
/// Closes the opt-in of tenders whose deadline has passed, so that their dropped lots show without waiting for the
/// purchasing cell's next action. Deciders already treat a passed deadline as closed; this only records it.
/// Every <c>Tenders:DeadlineCheckSeconds</c> (default 60), on the clock the rest of the API uses.
/// </summary>
public sealed class OptInDeadlineCloser(
    IDocumentStore store, Infrastructure.GroupCommit commits, Tenancy.Tenants tenants, TimeProvider clock, IConfiguration configuration, ILogger<OptInDeadlineCloser> log)
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
            var decision = CloseOptInDecider.Decide(record.State, new CloseOptInCommand(TenderRules.DeadlineActor), now);
            if (decision.IsRefused)
                continue;
            // Appended as a person's decisions are, expecting the version it was made on: when someone (or another
            // process's closer) wrote to the tender meanwhile, that write recorded the closing itself, or the next tick will.
            var (_, after) = TenderWrites.Records.After(record.State, record.Version, decision.Events);
            if (await commits.AppendAsync(tenant, record.Id, record.Version, decision.Events, after, WriteOrigin.OfJob("opt-in-deadline")) == Infrastructure.GroupCommit.Outcome.Stale)
                continue;
            closed++;
            log.LogInformation("Opt-in of {Reference} closed at its deadline {Deadline:u}", record.Reference, record.OptInDeadline);
        }
        return closed;
    }
}
