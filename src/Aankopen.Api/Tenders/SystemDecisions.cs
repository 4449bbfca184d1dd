using Aankopen.Api.Infrastructure;
using Aankopen.Api.Shared.Streams;
using Aankopen.Api.Tenders.ReadModels;
using Aankopen.Domain;
using Aankopen.Domain.Tenders;

namespace Aankopen.Api.Tenders;

/// <summary>
/// Decisions the service takes itself (closing an opt-in at its deadline, recording renewals): decided by the
/// domain's deciders on the stored record and appended as a person's are (<see cref="StreamRecords{TRecord, TState}.AppendAsync"/>),
/// expecting the version they were made on. When someone (or another process's job) wrote to the tender meanwhile,
/// that write took the decision into account, or the job's next run does.
/// </summary>
public sealed class SystemDecisions(Infrastructure.GroupCommit commits)
{
    /// <summary>The events recorded: none when there was nothing to decide, the decider refused, or another write came first.</summary>
    public async Task<IReadOnlyList<object>> RecordAsync(string tenant, TenderRecord record, Func<JointTender, Decision> decide, string job)
    {
        var decision = decide(record.State);
        if (decision.IsRefused || decision.Events.Count == 0)
            return [];
        return await TenderWrites.Records.AppendAsync(commits, tenant, record.Id, record.State, record.Version, decision.Events, WriteOrigin.OfJob(job)) is null
            ? []
            : decision.Events;
    }
}
