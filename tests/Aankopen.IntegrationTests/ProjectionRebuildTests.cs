using System.Text.Json;
using Aankopen.Client;
using Aankopen.Domain.Tenders;
using Aankopen.Domain.Tenders.OptInToLot;
using Aankopen.Store.Hosting;
using Aankopen.Store.Tenders.ReadModels;
using Aankopen.Worker.Operations;
using JasperFx.Events.Daemon;
using Marten;
using Marten.Events;
using Shouldly;
using static Aankopen.IntegrationTests.HttpCalls;

namespace Aankopen.IntegrationTests;

[Collection(nameof(RunningSystem))]
public sealed class ProjectionRebuildTests(RunningSystem system)
{
    [Fact]
    public async Task Rebuilding_every_projection_from_the_events_gives_the_same_read_models()
    {
        var tender = new MealVoucherTender(system.Api);
        await tender.AwardedDemoAsync($"RB-{Guid.NewGuid():N}"[..20]);
        var store = system.WorkerServices.GetRequiredService<IDocumentStore>();
        await store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));
        var before = await ReadModelsAsync(store);
        before.Tenders.ShouldContain(tender.Id.ToString());

        foreach (var type in new[] { typeof(TenderRecord), typeof(Participation) })
            await store.Advanced.Clean.DeleteDocumentsByTypeAsync(type, Ct);
        (await ReadModelsAsync(store)).Tenders.ShouldBe("[]");
        var daemon = system.WorkerServices.GetRequiredService<IProjectionCoordinator>().DaemonForMainDatabase();
        await ProjectionRebuild.RebuildAllAsync(store, daemon, Ct);

        var after = await ReadModelsAsync(store);
        after.Tenders.ShouldBe(before.Tenders);
        after.Participations.ShouldBe(before.Participations);

        // Tenders opened while a rebuild runs: the daemon's participations shard takes them on from where the
        // rebuild stopped folding, and keeps up afterwards. Openings here; writes to a tender whose record the rebuild
        // has not written again are the next test's.
        using var writing = new CancellationTokenSource();
        var during = new List<string>();
        var opening = Task.Run(async () =>
        {
            while (!writing.IsCancellationRequested)
            {
                var reference = $"RD-{Guid.NewGuid():N}"[..20];
                new MealVoucherTender(system.Api).Resume(await tender.Api.OpenTenderAsync(MealVoucherTender.Cell, MealVoucherTender.Opening(reference)));
                lock (during)
                    during.Add(reference);
            }
        }, Ct);
        await system.EventuallyAsync(() => Task.FromResult(during.Count), n => n >= 2);
        await ProjectionRebuild.RebuildAllAsync(store, daemon, Ct);
        await system.EventuallyAsync(() => Task.FromResult(during.Count), n => n >= 6);
        await writing.CancelAsync();
        await opening;
        await system.EventuallyAsync(async () => (await tender.Api.GetAdministrationYearAsync("OCMW", null, Ct)).Content!,
            year => during.All(r => year.Participations.Any(p => p.Reference == r)));

        // And the async projection keeps up with new events afterwards.
        var later = new MealVoucherTender(system.Api);
        var reference = $"RA-{Guid.NewGuid():N}"[..20];
        await later.OpenWithTwoLotsAsync(reference);
        await system.EventuallyAsync(async () => (await later.Api.GetAdministrationYearAsync("OCMW", null, Ct)).Content!,
            year => year.Participations.Any(p => p.Reference == reference));
    }

    /// <summary>
    /// A rebuild deletes the records before it writes them again. Meanwhile a tender is shown and changed from its
    /// events, at the same version, and the write stores its record again.
    /// </summary>
    [Fact]
    public async Task A_tender_without_its_record_is_read_and_changed_from_its_events()
    {
        var tender = new MealVoucherTender(system.Api);
        var opened = await tender.OpenWithTwoLotsAsync($"RW-{Guid.NewGuid():N}"[..20]);
        var store = system.WorkerServices.GetRequiredService<IDocumentStore>();
        await using (var session = store.LightweightSession(Aankopen.Edge.Tenancy.Tenants.Default))
        {
            session.Delete<TenderRecord>(tender.Id);
            await session.SaveChangesAsync(Ct);
        }

        var shown = await tender.Api.GetTenderAsync(tender.Id, Ct);
        shown.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK, shown.Error?.Message);
        shown.ETag().ShouldBe(tender.ETag);
        JsonSerializer.Serialize(shown.Content).ShouldBe(JsonSerializer.Serialize(opened));

        var optedIn = await tender.OptInAsync(1, "OCMW", 40_000m, "0900/123-48");
        optedIn.Version.ShouldBe(opened.Version + 1);
        await using var query = store.QuerySession(Aankopen.Edge.Tenancy.Tenants.Default);
        var stored = await query.LoadAsync<TenderRecord>(tender.Id, Ct);
        stored.ShouldNotBeNull().Version.ShouldBe(optedIn.Version);
        stored.State.Lots[1].OptInOf("OCMW").ShouldNotBeNull();
    }

    /// <summary>
    /// In a real store a tender's events are spread over months, so over many of the daemon's pages. A rebuild writes
    /// what it folded only every so many documents, so a later page must not depend on what earlier pages stored: here
    /// pages of seven events, three tenders whose opt-ins take turns, and each administration's last estimate must
    /// survive the rebuild. In a store of its own, with the service's own description of it.
    /// </summary>
    [Fact]
    public async Task A_rebuild_folds_tenders_whose_events_are_spread_over_many_pages()
    {
        var participations = new ParticipationProjection();
        participations.Options.BatchSize = 7;
        await using var store = DocumentStore.For(o =>
        {
            o.Connection(TestServers.PostgresConnectionString);
            o.DatabaseSchemaName = $"rebuild_{Guid.NewGuid():N}"[..20];
            EventStoreSetup.DescribeStore(o);
            o.Projections.Add(participations, JasperFx.Events.Projections.ProjectionLifecycle.Async);
        });
        var now = DateTimeOffset.UtcNow;
        var tenders = new Dictionary<Guid, JointTender>();
        await using (var session = store.LightweightSession(Aankopen.Edge.Tenancy.Tenants.Default))
        {
            foreach (var n in Enumerable.Range(1, 3))
            {
                var id = Guid.CreateVersion7();
                var (events, state) = DecidedTenders.OpenedWithLot(id, $"PG-{n}-{id:N}"[..20], now);
                session.Events.StartStream<JointTender>(id, [.. events]);
                tenders[id] = state;
            }
            await session.SaveChangesAsync(Ct);
        }
        var last = new Dictionary<(Guid, string), decimal>();
        for (var round = 1; round <= 6; round++)
        {
            await using var session = store.LightweightSession(Aankopen.Edge.Tenancy.Tenants.Default);
            foreach (var (id, tender) in tenders.ToArray())
                foreach (var administration in new[] { "GEMEENTE", "OCMW" })
                {
                    var amount = 1_000m * round + (administration == "OCMW" ? 1 : 0);
                    var optedIn = DecidedTenders.Decide(tenders[id], t => OptInDecider.Decide(t, new OptInCommand(1, administration, amount, null, "0100/1", TestUsers.Of(administration)), now));
                    session.Events.Append(id, [.. optedIn.Events]);
                    tenders[id] = optedIn.State;
                    last[(id, administration)] = amount;
                }
            await session.SaveChangesAsync(Ct);
        }

        using var daemon = await store.BuildProjectionDaemonAsync();
        await daemon.RebuildProjectionAsync<ParticipationProjection>(TimeSpan.FromMinutes(1), Ct);

        await using var query = store.QuerySession(Aankopen.Edge.Tenancy.Tenants.Default);
        var rebuilt = await query.Query<Participation>().ToListAsync(Ct);
        rebuilt.Count.ShouldBe(6);
        foreach (var participation in rebuilt)
            participation.Lots[1].EstimatedAmountExclVat.ShouldBe(last[(participation.TenderId, participation.Administration)], participation.Id);
        await store.Advanced.Clean.CompletelyRemoveAllAsync(Ct);
    }

    /// <summary>
    /// The tender records and participations are rebuilt in one pass of their own, stream by stream and a page of
    /// streams at a time, every tenant's: here two tenants, pages of two streams, and the result compared with what
    /// the projections built event by event. Afterwards the participations' shard resumes after the events folded.
    /// </summary>
    [Fact]
    public async Task The_one_pass_rebuild_gives_every_tenant_the_read_models_the_projections_built()
    {
        await using var store = DocumentStore.For(o =>
        {
            o.Connection(TestServers.PostgresConnectionString);
            o.DatabaseSchemaName = $"onepass_{Guid.NewGuid():N}"[..20];
            EventStoreSetup.DescribeStore(o);
            o.Projections.Add(new ParticipationProjection(), JasperFx.Events.Projections.ProjectionLifecycle.Async);
        });
        var now = DateTimeOffset.UtcNow;
        string[] tenants = ["jette", "ganshoren"];
        foreach (var tenant in tenants)
            for (var n = 1; n <= 3; n++)
            {
                var id = Guid.CreateVersion7();
                var (events, state) = DecidedTenders.OpenedWithLot(id, $"OP-{n}-{id:N}"[..20], now);
                var optedIn = DecidedTenders.Decide(state, t => OptInDecider.Decide(t, new OptInCommand(1, "OCMW", 1_000m * n, null, "0900/1", TestUsers.Of("OCMW")), now));
                await using var session = store.LightweightSession(tenant);
                session.Events.StartStream<JointTender>(id, [.. events, .. optedIn.Events]);
                await session.SaveChangesAsync(Ct);
            }
        using (var daemon = await store.BuildProjectionDaemonAsync())
            await daemon.RebuildProjectionAsync<ParticipationProjection>(TimeSpan.FromMinutes(1), Ct);
        var before = await Task.WhenAll(tenants.Select(t => ReadModelsAsync(store, t)));

        var rebuilt = await new TenderReadModelRebuild(store, streamsPerPage: 2).RunAsync(Ct);

        (await Task.WhenAll(tenants.Select(t => ReadModelsAsync(store, t)))).ShouldBe(before);
        rebuilt.Tenders.ShouldBe(6);
        rebuilt.Participations.ShouldBe(12); // GEMEENTE and OCMW are invited to each
        var progress = await store.Advanced.ProjectionProgressFor(TenderReadModelRebuild.ParticipationShard, token: Ct);
        progress.ShouldBe(rebuilt.ParticipationsUpTo);
        progress.ShouldBe(await store.Storage.Database.FetchHighestEventSequenceNumber(Ct));
        await store.Advanced.Clean.CompletelyRemoveAllAsync(Ct);
    }

    private static async Task<(string Tenders, string Participations)> ReadModelsAsync(IDocumentStore store, string tenant = Aankopen.Edge.Tenancy.Tenants.Default)
    {
        await using var session = store.QuerySession(tenant);
        var tenders = await session.Query<TenderRecord>().OrderBy(t => t.Id).ToListAsync(Ct);
        var participations = await session.Query<Participation>().OrderBy(p => p.Id).ToListAsync(Ct);
        return (JsonSerializer.Serialize(tenders), JsonSerializer.Serialize(participations));
    }
}
