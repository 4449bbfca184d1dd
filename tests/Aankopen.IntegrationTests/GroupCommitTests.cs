using Aankopen.Api.Administrations;
using Aankopen.Api.Infrastructure;
using Aankopen.Api.Tenders;
using Aankopen.Api.Tenders.AddLot;
using Aankopen.Api.Tenders.OpenTender;
using Aankopen.Api.Tenders.OptInToLot;
using Aankopen.Api.Tenders.ReadModels;
using Marten;
using Shouldly;
using static Aankopen.IntegrationTests.HttpCalls;

namespace Aankopen.IntegrationTests;

/// <summary>
/// The write path hands the record a decision was made on to the session that appends its events, so the inline
/// projection folds onto it instead of loading it (RecordsOnHand). Whether Marten takes it is Marten's behaviour,
/// which an upgrade could change without a compile error: here a record on hand that differs from the stored one
/// (which never happens in the service) shows which of the two the projection folded onto. In a store of its own,
/// described and tuned as the service's.
/// </summary>
public sealed class GroupCommitTests
{
    private const string Tenant = Aankopen.Api.Tenancy.Tenants.Default;

    [Fact]
    public async Task The_inline_projection_folds_onto_the_record_on_hand_instead_of_loading_it()
    {
        await using var store = StoreOfItsOwn();
        var (id, stored) = await OpenTenderAsync(store);
        var onHand = stored with { State = stored.State with { TitleNl = "Zoals de beslissing hem zag" } };
        await using var commits = new GroupCommit(store);

        var outcome = await commits.AppendAsync(Tenant, id, stored.Version, OptIn(stored.State), null, record: onHand);

        outcome.ShouldBe(GroupCommit.Outcome.Appended);
        var after = await LoadAsync(store, id);
        after.Version.ShouldBe(stored.Version + 1);
        after.State.TitleNl.ShouldBe("Zoals de beslissing hem zag");
        after.State.Lots[1].OptIns.Select(o => o.Administration).ShouldBe(["OCMW"]);
        await store.Advanced.Clean.CompletelyRemoveAllAsync(Ct);
    }

    [Fact]
    public async Task Without_a_record_on_hand_the_projection_loads_the_stored_one_and_a_stale_append_writes_nothing()
    {
        await using var store = StoreOfItsOwn();
        var (id, stored) = await OpenTenderAsync(store);
        await using var commits = new GroupCommit(store);

        (await commits.AppendAsync<TenderRecord>(Tenant, id, stored.Version, OptIn(stored.State), null)).ShouldBe(GroupCommit.Outcome.Appended);
        var after = await LoadAsync(store, id);
        after.State.TitleNl.ShouldBe(stored.State.TitleNl);
        after.Version.ShouldBe(stored.Version + 1);

        // Decided on the old version, with the old record on hand: refused, and the record stays as it was.
        (await commits.AppendAsync(Tenant, id, stored.Version, OptIn(stored.State), null, record: stored)).ShouldBe(GroupCommit.Outcome.Stale);
        System.Text.Json.JsonSerializer.Serialize(await LoadAsync(store, id)).ShouldBe(System.Text.Json.JsonSerializer.Serialize(after));
        await store.Advanced.Clean.CompletelyRemoveAllAsync(Ct);
    }

    private static DocumentStore StoreOfItsOwn() => DocumentStore.For(o =>
    {
        o.Connection(TestServers.PostgresConnectionString);
        o.DatabaseSchemaName = $"commit_{Guid.NewGuid():N}"[..20];
        EventStoreSetup.DescribeStore(o);
        EventStoreSetup.TuneWrites(o);
    });

    private static async Task<(Guid Id, TenderRecord Record)> OpenTenderAsync(IDocumentStore store)
    {
        var directory = AdministrationDirectory.Of([
            new Administration("GEMEENTE", "Gemeente", "Commune", "0207.000.176", AdministrationKind.City),
            new Administration("OCMW", "OCMW", "CPAS", "0212.000.131", AdministrationKind.Ocmw)]);
        var now = DateTimeOffset.UtcNow;
        var id = Guid.CreateVersion7();
        var opened = OpenTenderDecider.Decide(new OpenTenderCommand(id, $"GC-{id:N}"[..20], "Papier", "Papier", "30197630-1",
            Procedure.Open, "GEMEENTE", ["GEMEENTE", "OCMW"], now.AddDays(30), null, false, TestUsers.Cell), directory, now);
        var state = opened.Events.Aggregate((JointTender?)null, JointTender.Transition)!;
        var withLot = AddLotDecider.Decide(state, new AddLotCommand(1, new LotDetails("Papier", "30197630-1", 50_000m, 21m,
            new ContractTerms(null, 12, true, 12, 3, 90)), TestUsers.Cell), now);
        await using (var session = store.LightweightSession(Tenant))
        {
            session.Events.StartStream<JointTender>(id, [.. opened.Events, .. withLot.Events]);
            await session.SaveChangesAsync(Ct);
        }
        return (id, await LoadAsync(store, id));
    }

    private static IReadOnlyList<object> OptIn(JointTender tender)
    {
        var decision = OptInDecider.Decide(tender, new OptInCommand(1, "OCMW", 20_000m, null, "0900/1", TestUsers.Of("OCMW")), DateTimeOffset.UtcNow);
        decision.IsRefused.ShouldBeFalse();
        return decision.Events;
    }

    private static async Task<TenderRecord> LoadAsync(IDocumentStore store, Guid id)
    {
        await using var session = store.QuerySession(Tenant);
        return (await session.LoadAsync<TenderRecord>(id, Ct))!;
    }
}
