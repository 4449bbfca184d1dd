using Aankopen.Api.Infrastructure;
using Aankopen.Api.Tenders;
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
/// described and tuned as the service's. And a save commits with its batch (CommitWithTheBatch): all of it or none.
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

    [Fact]
    public async Task A_save_commits_with_its_batch_before_the_session_is_let_go()
    {
        await using var store = StoreOfItsOwn();
        var (id, stored) = await OpenTenderAsync(store);

        await using (var saving = await CommitWithTheBatch.OpenAsync(store, Tenant))
        {
            saving.Session.Events.Append(id, stored.Version + 1, [.. OptIn(stored.State)]);
            await saving.Session.SaveChangesAsync(Ct);
            // Marten does not own this transaction and never commits it: only the batch's own COMMIT can have.
            (await LoadAsync(store, id)).Version.ShouldBe(stored.Version + 1);
        }
        (await LoadAsync(store, id)).State.Lots[1].OptIns.Select(o => o.Administration).ShouldBe(["OCMW"]);
        await store.Advanced.Clean.CompletelyRemoveAllAsync(Ct);
    }

    [Fact]
    public async Task The_commit_is_the_last_statement_of_the_batch_after_the_projections_upsert()
    {
        // Statements after the COMMIT would run outside the transaction: a Marten that called session listeners before
        // its inline projections or its sort would break atomicity without failing a save. Npgsql's spans name the SQL.
        await using var store = StoreOfItsOwn();
        var (id, stored) = await OpenTenderAsync(store);
        var sent = new System.Collections.Concurrent.ConcurrentQueue<string>();
        using var listener = new System.Diagnostics.ActivityListener
        {
            ShouldListenTo = source => source.Name == "Npgsql",
            Sample = (ref System.Diagnostics.ActivityCreationOptions<System.Diagnostics.ActivityContext> _) => System.Diagnostics.ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a =>
            {
                foreach (var tag in a.Tags)
                    if (tag.Value is { } sql && sql.Contains(store.Options.DatabaseSchemaName, StringComparison.Ordinal))
                        sent.Enqueue(sql);
            },
        };
        System.Diagnostics.ActivitySource.AddActivityListener(listener);

        await using (var saving = await CommitWithTheBatch.OpenAsync(store, Tenant))
        {
            saving.Session.Events.Append(id, stored.Version + 1, [.. OptIn(stored.State)]);
            await saving.Session.SaveChangesAsync(Ct);
        }

        var batch = sent.Single(sql => sql.Contains("mt_doc_tenderrecord (", StringComparison.Ordinal));
        batch.TrimEnd().TrimEnd(';').ShouldEndWith("COMMIT");
        batch.IndexOf("COMMIT", StringComparison.Ordinal).ShouldBeGreaterThan(batch.IndexOf("mt_doc_tenderrecord (", StringComparison.Ordinal));
        await store.Advanced.Clean.CompletelyRemoveAllAsync(Ct);
    }

    [Fact]
    public async Task A_batch_with_one_stale_append_writes_none_of_its_appends()
    {
        await using var store = StoreOfItsOwn();
        var (first, firstStored) = await OpenTenderAsync(store);
        var (second, secondStored) = await OpenTenderAsync(store);

        await using (var saving = await CommitWithTheBatch.OpenAsync(store, Tenant))
        {
            saving.Session.Events.Append(first, firstStored.Version + 1, [.. OptIn(firstStored.State)]);
            saving.Session.Events.Append(second, secondStored.Version, [.. OptIn(secondStored.State)]); // one version behind
            await Should.ThrowAsync<Exception>(() => saving.Session.SaveChangesAsync(Ct));
        }

        (await LoadAsync(store, first)).Version.ShouldBe(firstStored.Version);
        (await LoadAsync(store, second)).Version.ShouldBe(secondStored.Version);
        await using (var session = store.QuerySession(Tenant))
            (await session.Events.FetchStreamAsync(first, token: Ct)).Count.ShouldBe((int)firstStored.Version);
        // The connection went back to the pool without a transaction left open: the next save on it works.
        await using var commits = new GroupCommit(store);
        (await commits.AppendAsync(Tenant, first, firstStored.Version, OptIn(firstStored.State), null, record: firstStored)).ShouldBe(GroupCommit.Outcome.Appended);
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
        var id = Guid.CreateVersion7();
        var (events, _) = DecidedTenders.OpenedWithLot(id, $"GC-{id:N}"[..20], DateTimeOffset.UtcNow);
        await using (var session = store.LightweightSession(Tenant))
        {
            session.Events.StartStream<JointTender>(id, [.. events]);
            await session.SaveChangesAsync(Ct);
        }
        return (id, await LoadAsync(store, id));
    }

    private static IReadOnlyList<object> OptIn(JointTender tender) =>
        DecidedTenders.Decide(tender, t => OptInDecider.Decide(t, new OptInCommand(1, "OCMW", 20_000m, null, "0900/1", TestUsers.Of("OCMW")), DateTimeOffset.UtcNow)).Events;

    private static async Task<TenderRecord> LoadAsync(IDocumentStore store, Guid id)
    {
        await using var session = store.QuerySession(Tenant);
        return (await session.LoadAsync<TenderRecord>(id, Ct))!;
    }
}
