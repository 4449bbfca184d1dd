using System.Threading.Channels;
using JasperFx.Events.Projections;
using Marten;
using Npgsql;
using Weasel.Core;

namespace Aankopen.Store.Tenders.ReadModels;

/// <summary>
/// Rebuilds the tender records and the participations together: one pass over the tender events, stream by stream,
/// each tender folded once from its first event to its last with the projections' own folds. The daemon rebuilt
/// each read model with a pass of its own over the whole store, in the order of appending, one record per event; a
/// million events took about a minute that way (docs/performance.md).
/// <para>
/// Reading the next page, folding this one and writing the one before overlap, so the database and the process
/// both work. The participations' shard of the daemon must be stopped while this runs; started again, it goes on
/// from its checkpoint, the last event folded into the participations here.
/// </para>
/// </summary>
public sealed class TenderReadModelRebuild(IDocumentStore store, int streamsPerPage = TenderStreams.StreamsPerPage)
{
    public static readonly ShardName ParticipationShard = new(new ParticipationProjection().Name);

    /// <summary>The documents this rebuild replaces: emptied first, vacuumed last.</summary>
    private static readonly Type[] ReadModels = [typeof(TenderRecord), typeof(Participation)];

    public sealed record Outcome(long Events, int Tenders, int Participations, long ParticipationsUpTo);

    public async Task<Outcome> RunAsync(CancellationToken ct)
    {
        // The participations only up to the shard's own checkpoint: from there the daemon folds the rest, as it would
        // have. Everything below a checkpoint is committed (the daemon's high-water mark waits out gaps), and the
        // checkpoint stays the daemon's to write.
        var checkpoint = await store.Advanced.ProjectionProgressFor(ParticipationShard, token: ct);
        foreach (var type in ReadModels)
            await store.Advanced.Clean.DeleteDocumentsByTypeAsync(type, ct);

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var pages = Channel.CreateBounded<TenderStreamPage>(new BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true });
        var reading = ReadAsync(pages.Writer, stop.Token);
        var (events, tenders, participations) = (0L, 0, 0);
        var writing = Task.CompletedTask;
        try
        {
            await foreach (var page in pages.Reader.ReadAllAsync(stop.Token))
            {
                var records = page.Streams.Select(TenderRecordProjection.Folded).ToList();
                var shares = page.Streams
                    .SelectMany(s => ParticipationProjection.Folded([.. s.Events.TakeWhile(e => e.Sequence <= checkpoint).Select(e => e.Data)]))
                    .ToList();
                await writing;
                writing = WriteAsync(page.Tenant, records, shares, stop.Token);
                (events, tenders, participations) = (events + page.EventCount, tenders + records.Count, participations + shares.Count);
            }
            await writing;
            await reading;
        }
        catch
        {
            await stop.CancelAsync();
            await Task.WhenAll(reading, writing).ContinueWith(_ => { }, CancellationToken.None); // their own failures are this one's consequences
            throw;
        }
        await VacuumAsync(ct);
        return new Outcome(events, tenders, participations, checkpoint);
    }

    private async Task ReadAsync(ChannelWriter<TenderStreamPage> pages, CancellationToken ct)
    {
        try
        {
            await foreach (var page in new TenderStreams(store, streamsPerPage).ReadAsync(ct))
                await pages.WriteAsync(page, ct);
            pages.Complete();
        }
        catch (Exception e)
        {
            pages.Complete(e);
        }
    }

    /// <summary>
    /// A tender record already there was written since the rebuild began, by a write that folded its newer event
    /// inline: it is kept. Participations are written by no one else while the shard is stopped.
    /// </summary>
    private Task WriteAsync(string tenant, List<TenderRecord> records, List<Participation> participations, CancellationToken ct) => Task.WhenAll(
        store.BulkInsertAsync(tenant, records, BulkInsertMode.IgnoreDuplicates, records.Count, ct),
        participations.Count == 0 ? Task.CompletedTask : store.BulkInsertAsync(tenant, participations, BulkInsertMode.InsertsOnly, participations.Count, ct));

    /// <summary>
    /// Every row was replaced: half of each table is dead rows and the planner's statistics describe the old ones.
    /// Left to autovacuum, the first queries afterwards would share the machine with it and be planned on old figures.
    /// </summary>
    private async Task VacuumAsync(CancellationToken ct)
    {
        var tables = ReadModels.Select(t => store.Options.FindOrResolveDocumentType(t).TableName.QualifiedName);
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand($"VACUUM (ANALYZE) {string.Join(", ", tables)}", connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(ct);
    }
}
