using System.Text.Json;
using Aankopen.Api.Infrastructure;
using Aankopen.Api.Tenders.ReadModels;
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
        var store = system.ApiServices.GetRequiredService<IDocumentStore>();
        await store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));
        var before = await ReadModelsAsync(store);
        before.Tenders.ShouldContain(tender.Id.ToString());

        foreach (var type in new[] { typeof(TenderRecord), typeof(Participation) })
            await store.Advanced.Clean.DeleteDocumentsByTypeAsync(type, Ct);
        (await ReadModelsAsync(store)).Tenders.ShouldBe("[]");
        var daemon = system.ApiServices.GetRequiredService<IProjectionCoordinator>().DaemonForMainDatabase();
        await ProjectionRebuild.RebuildAllAsync(daemon, Ct);

        var after = await ReadModelsAsync(store);
        after.Tenders.ShouldBe(before.Tenders);
        after.Participations.ShouldBe(before.Participations);

        // And the async projection keeps up with new events afterwards.
        var later = new MealVoucherTender(system.Api);
        var reference = $"RA-{Guid.NewGuid():N}"[..20];
        await later.OpenWithTwoLotsAsync(reference);
        await system.EventuallyAsync(async () => (await later.Api.GetAdministrationYearAsync("OCMW", null, Ct)).Content!,
            year => year.Participations.Any(p => p.Reference == reference));
    }

    private static async Task<(string Tenders, string Participations)> ReadModelsAsync(IDocumentStore store)
    {
        await using var session = store.QuerySession(Aankopen.Api.Tenancy.Tenants.Default);
        var tenders = await session.Query<TenderRecord>().OrderBy(t => t.Id).ToListAsync(Ct);
        var participations = await session.Query<Participation>().OrderBy(p => p.Id).ToListAsync(Ct);
        return (JsonSerializer.Serialize(tenders), JsonSerializer.Serialize(participations));
    }
}
