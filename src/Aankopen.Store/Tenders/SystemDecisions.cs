using Aankopen.Domain;
using Aankopen.Domain.Tenders;
using Aankopen.Store.Infrastructure;
using Aankopen.Store.Streams;
using Aankopen.Store.Tenders.ReadModels;

namespace Aankopen.Store.Tenders;

/// <summary>
/// Decisions the service takes itself (closing an opt-in at its deadline, recording renewals): decided by the
/// domain's deciders on the stored record and appended as a person's are (<see cref="StreamRecords{TRecord, TState}.AppendAsync"/>),
/// expecting the version they were made on. When someone (or another process's job) wrote to the tender meanwhile,
/// that write took the decision into account, or the job's next run does.
/// </summary>
public sealed class SystemDecisions(Store.Infrastructure.GroupCommit commits)
{
    /// <summary>The events recorded: none when there was nothing to decide, the decider refused, or another write came first.</summary>
    public async Task<IReadOnlyList<object>> RecordAsync(string tenant, TenderRecord record, Func<JointTender, Decision> decide, string job)
    {
        var decision = decide(record.State);
        if (decision.IsRefused || decision.Events.Count == 0)
            return [];
        return await TenderRecords.Records.AppendAsync(commits, tenant, record.Id, record.State, record.Version, decision.Events, WriteOrigin.OfJob(job)) is null
            ? []
            : decision.Events;
    }
}
