using Aankopen.Store.Tenders.ReadModels;
using JasperFx.Events.Daemon;
using Marten;

namespace Aankopen.Worker.Operations;

/// <summary>
/// Every read model is derived from the events, so it can be thrown away and rebuilt: after a fix to a projection,
/// or to prove the read side agrees with the store. <c>Aankopen.Worker rebuild-projections</c> does it from the
/// command line (with the workers stopped); a running daemon can be handed in directly.
/// </summary>
public static class ProjectionRebuild
{
    public const string Command = "rebuild-projections";

    public static readonly Type[] Projections = [typeof(TenderRecordProjection), typeof(ParticipationProjection), typeof(Store.Memberships.MembershipRecordProjection)];

    /// <summary>
    /// Hours, not minutes: a rebuild that gives up half way leaves the read models half built. Cancelling (Ctrl+C, or
    /// the request) still stops it.
    /// </summary>
    private static readonly TimeSpan ShardTimeout = TimeSpan.FromHours(6);

    /// <summary>
    /// The tender records and participations in one pass of their own (<see cref="TenderReadModelRebuild"/>), the
    /// memberships by the daemon, side by side.
    /// </summary>
    public static async Task<TenderReadModelRebuild.Outcome> RebuildAllAsync(IDocumentStore store, IProjectionDaemon daemon, CancellationToken ct)
    {
        var running = daemon.CurrentAgents().Where(a => a.Status == JasperFx.AgentStatus.Running).Select(a => a.Name).ToArray();
        if (running.Any(s => s.Identity == TenderReadModelRebuild.ParticipationShard.Identity))
            await daemon.StopAgentAsync(TenderReadModelRebuild.ParticipationShard);
        var tenders = new TenderReadModelRebuild(store).RunAsync(ct);
        await Task.WhenAll(tenders, daemon.RebuildProjectionAsync<Store.Memberships.MembershipRecordProjection>(ShardTimeout, ct));
        // A rebuild leaves an async projection's shard stopped; one that was keeping up before must keep up after.
        var stillRunning = daemon.CurrentAgents().Where(a => a.Status == JasperFx.AgentStatus.Running).Select(a => a.Name.Identity).ToHashSet();
        foreach (var shard in running.Where(s => !stillRunning.Contains(s.Identity)))
            await daemon.StartAgentAsync(shard, ct);
        return await tenders;
    }

    /// <summary>The command-line verb: builds its own daemon, rebuilds, and reports what it did.</summary>
    public static async Task<int> RunAsync(WebApplication app, CancellationToken ct)
    {
        var store = app.Services.GetRequiredService<IDocumentStore>();
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        using var daemon = await store.BuildProjectionDaemonAsync();
        var rebuilt = await RebuildAllAsync(store, daemon, ct);
        // Counted over every tenant: the rebuild covers them all.
        Console.WriteLine($"Rebuilt {Projections.Length} projections from {rebuilt.Events} tender events: {rebuilt.Tenders} tenders, {rebuilt.Participations} participations.");
        return 0;
    }
}
