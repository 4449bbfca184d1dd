using Aankopen.Api.Tenders.ReadModels;
using JasperFx.Events.Daemon;
using Marten;

namespace Aankopen.Api.Infrastructure;

/// <summary>
/// Every read model is derived from the events, so it can be thrown away and rebuilt: after a fix to a projection,
/// or to prove the read side agrees with the store. <c>Aankopen.Api rebuild-projections</c> does it from the
/// command line (with the API's daemon stopped); a running daemon can be handed in directly.
/// </summary>
public static class ProjectionRebuild
{
    public const string Command = "rebuild-projections";

    public static readonly Type[] Projections = [typeof(TenderRecordProjection), typeof(ParticipationProjection), typeof(Memberships.MembershipRecordProjection)];

    /// <summary>
    /// Hours, not minutes: at 20 million events the tender records alone took twelve minutes on two cores, and a rebuild
    /// that gives up half way leaves the read models half built. Cancelling (Ctrl+C, or the request) still stops it.
    /// </summary>
    private static readonly TimeSpan ShardTimeout = TimeSpan.FromHours(6);

    public static async Task RebuildAllAsync(IProjectionDaemon daemon, CancellationToken ct)
    {
        var running = daemon.CurrentAgents().Where(a => a.Status == JasperFx.AgentStatus.Running).Select(a => a.Name).ToArray();
        // Side by side: each reads the events and writes its own tables, so one waits on the database while another folds.
        await Task.WhenAll(Projections.Select(projection => daemon.RebuildProjectionAsync(projection, ShardTimeout, ct)));
        // A rebuild leaves an async projection's shard stopped; one that was keeping up before must keep up after.
        var stillRunning = daemon.CurrentAgents().Where(a => a.Status == JasperFx.AgentStatus.Running).Select(a => a.Name.Identity).ToHashSet();
        foreach (var shard in running.Where(s => !stillRunning.Contains(s.Identity)))
            await daemon.StartAgentAsync(shard, ct);
    }

    /// <summary>The command-line verb: builds its own daemon, rebuilds, and reports what it did.</summary>
    public static async Task<int> RunAsync(WebApplication app, CancellationToken ct)
    {
        var store = app.Services.GetRequiredService<IDocumentStore>();
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        using var daemon = await store.BuildProjectionDaemonAsync();
        await RebuildAllAsync(daemon, ct);
        await using var session = store.QuerySession();
        // Counted over every tenant: the rebuild covers them all.
        var tenders = await session.Query<TenderRecord>().Where(t => t.AnyTenant()).CountAsync(ct);
        var participations = await session.Query<Participation>().Where(p => p.AnyTenant()).CountAsync(ct);
        Console.WriteLine($"Rebuilt {Projections.Length} projections: {tenders} tenders, {participations} participations.");
        return 0;
    }
}
