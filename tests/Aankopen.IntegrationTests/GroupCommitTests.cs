using Aankopen.Domain.Tenders;
using Aankopen.Domain.Tenders.OptInToLot;
using Aankopen.Edge.Http;
using Aankopen.Store.Hosting;
using Aankopen.Store.Infrastructure;
using Aankopen.Store.Streams;
using Aankopen.Store.Tenders.ReadModels;
using Marten;
using Shouldly;
using static Aankopen.IntegrationTests.HttpCalls;

namespace Aankopen.IntegrationTests;

/// <summary>
/// The write path writes its events itself (BatchedAppends), one statement for a batch of streams, and stores the read
/// model as the decision folded it. Whether that is what Marten would have written is checked against Marten itself:
/// the event rows against an event Marten appended, the record against Marten's own fold of the stream. In a store of
/// its own, described and tuned as the service's. And a batch commits all of its statements or none.
/// </summary>
public sealed class GroupCommitTests
{
    private const string Tenant = Aankopen.Edge.Tenancy.Tenants.Default;

    [Fact]
    public async Task The_events_and_the_record_are_written_as_Marten_writes_and_folds_them()
    {
        await using var store = StoreOfItsOwn();
        var (id, stored) = await OpenTenderAsync(store);
        await using var commits = new GroupCommit(store);
        var events = OptIn(stored.State);

        var origin = new WriteOrigin("correlatie-1", "van-de-beller", "sleutel-1", "vingerafdruk-1");
        var outcome = await commits.AppendAsync(Tenant, id, stored.Version, events, Folded(stored, events), origin);

        outcome.ShouldBe(GroupCommit.Outcome.Appended);
        await using var session = store.QuerySession(Tenant);
        var after = await session.LoadAsync<TenderRecord>(id, Ct);
        after!.Version.ShouldBe(stored.Version + 1);
        after.State.Lots[1].OptIns.Select(o => o.Administration).ShouldBe(["OCMW"]);
        // Marten folding the stream's events with the registered projection arrives at the very same record.
        var marten = await session.Events.AggregateStreamAsync<TenderRecord>(id, token: Ct);
        System.Text.Json.JsonSerializer.Serialize(after).ShouldBe(System.Text.Json.JsonSerializer.Serialize(marten));
        (await session.Events.FetchStreamStateAsync(id, Ct))!.Version.ShouldBe(stored.Version + 1);
        var written = (await session.Events.FetchStreamAsync(id, token: Ct))[^1];
        written.Version.ShouldBe(stored.Version + 1);
        written.Data.ShouldBeOfType<OptedIn>().Administration.ShouldBe("OCMW");
        written.CorrelationId.ShouldBe("correlatie-1");
        IdempotencyKeys.Replays(written, origin).ShouldBeTrue();
        IdempotencyKeys.Replays(written, origin with { Fingerprint = "vingerafdruk-2" }).ShouldBeFalse();
        written.Headers![CorrelationIds.CallerEventHeader].ToString().ShouldBe("van-de-beller");
        (await RevisionAsync(store, id)).ShouldBe(stored.Version + 1);

        // An event Marten appends itself, to the same stream, has the same columns as the one written here.
        await using (var marten2 = store.LightweightSession(Tenant))
        {
            marten2.Events.Append(id, stored.Version + 2, [.. OptIn(after.State)]);
            await marten2.SaveChangesAsync(Ct);
        }
        var rows = await EventRowsAsync(store, id, stored.Version + 1, stored.Version + 2);
        rows[0].ShouldBe(rows[1]);
        await store.Advanced.Clean.CompletelyRemoveAllAsync(Ct);
    }

    [Fact]
    public async Task The_record_row_is_the_row_Marten_writes_for_the_same_record()
    {
        await using var store = StoreOfItsOwn();
        var (id, stored) = await OpenTenderAsync(store);
        await using var commits = new GroupCommit(store);
        (await OptInAsync(commits, id, stored)).ShouldBe(GroupCommit.Outcome.Appended);
        var batched = await RecordRowAsync(store, id);

        // Marten storing the very record it loads writes every column (the duplicated ones, the revision, the type) alike.
        await using (var session = store.LightweightSession(Tenant))
        {
            session.Store(await LoadAsync(store, id));
            await session.SaveChangesAsync(Ct);
        }
        var marten = await RecordRowAsync(store, id);

        batched.ShouldBe(marten);
        batched.ShouldContain("\"year_keys\": [\"GEMEENTE/");
        batched.ShouldContain($"\"mt_version\": {stored.Version + 1}");
        await store.Advanced.Clean.CompletelyRemoveAllAsync(Ct);
    }

    [Fact]
    public async Task A_stale_append_is_refused_and_writes_nothing()
    {
        await using var store = StoreOfItsOwn();
        var (id, stored) = await OpenTenderAsync(store);
        await using var commits = new GroupCommit(store);
        (await OptInAsync(commits, id, stored)).ShouldBe(GroupCommit.Outcome.Appended);
        var after = await LoadAsync(store, id);

        // Decided on the old version: refused, and the stream and its record stay as they were.
        (await OptInAsync(commits, id, stored)).ShouldBe(GroupCommit.Outcome.Stale);
        System.Text.Json.JsonSerializer.Serialize(await LoadAsync(store, id)).ShouldBe(System.Text.Json.JsonSerializer.Serialize(after));
        await using var session = store.QuerySession(Tenant);
        (await session.Events.FetchStreamAsync(id, token: Ct)).Count.ShouldBe((int)stored.Version + 1);
        await store.Advanced.Clean.CompletelyRemoveAllAsync(Ct);
    }

    [Fact]
    public async Task Concurrent_appends_to_many_streams_all_land_and_one_of_two_racing_for_a_version_is_refused()
    {
        await using var store = StoreOfItsOwn();
        var tenders = new List<(Guid Id, TenderRecord Record)>();
        for (var i = 0; i < 12; i++)
            tenders.Add(await OpenTenderAsync(store));
        await using var commits = new GroupCommit(store);

        // Handed over at once, they share batches; the last tender gets two appends decided on the same version.
        var writes = tenders.Select(t => OptInAsync(commits, t.Id, t.Record)).Append(OptInAsync(commits, tenders[^1].Id, tenders[^1].Record)).ToArray();
        var outcomes = await Task.WhenAll(writes);

        outcomes[..^2].ShouldAllBe(o => o == GroupCommit.Outcome.Appended);
        outcomes[^2..].Order().ShouldBe([GroupCommit.Outcome.Appended, GroupCommit.Outcome.Stale]);
        foreach (var (id, record) in tenders)
            (await LoadAsync(store, id)).Version.ShouldBe(record.Version + 1);
        await using var session = store.QuerySession(Tenant);
        (await session.Events.FetchStreamAsync(tenders[^1].Id, token: Ct)).Count.ShouldBe((int)tenders[^1].Record.Version + 1);
        await store.Advanced.Clean.CompletelyRemoveAllAsync(Ct);
    }

    [Fact]
    public async Task A_batch_with_one_stale_append_writes_none_of_its_appends()
    {
        await using var store = StoreOfItsOwn();
        var (first, firstStored) = await OpenTenderAsync(store);
        var (second, secondStored) = await OpenTenderAsync(store);

        await using (var connection = new Npgsql.NpgsqlConnection(TestServers.PostgresConnectionString))
        {
            await connection.OpenAsync(Ct);
            var appends = new BatchedAppends(store);
            var records = new BatchedRecords(store);
            // The first append's record comes after the failing events' statement, the second's is never reached.
            await using var batch = GroupCommit.Batch(connection, appends, Tenant, [
                (appends.Prepare(first, firstStored.Version, OptIn(firstStored.State), null, null, null), records.Prepare(Folded(firstStored, OptIn(firstStored.State)))),
                (appends.Prepare(second, secondStored.Version - 1, OptIn(secondStored.State), null, null, null), records.Prepare(secondStored)), // one version behind
            ]);
            BatchedAppends.IsStale(await Should.ThrowAsync<Exception>(() => batch.ExecuteNonQueryAsync(Ct))).ShouldBeTrue();

            // A record refused after its events' statement went through (it takes the other tender's reference) takes
            // those events back with it.
            var clash = Folded(firstStored, OptIn(firstStored.State)) with { Reference = secondStored.Reference };
            await using var refused = GroupCommit.Batch(connection, appends, Tenant,
                [(appends.Prepare(first, firstStored.Version, OptIn(firstStored.State), null, null, null), records.Prepare(clash))]);
            (await Should.ThrowAsync<Npgsql.PostgresException>(() => refused.ExecuteNonQueryAsync(Ct))).SqlState.ShouldBe(Npgsql.PostgresErrorCodes.UniqueViolation);
            // No transaction is left open on the connection: the next statement on it runs.
            await using var next = new Npgsql.NpgsqlCommand("select 1", connection);
            (await next.ExecuteScalarAsync(Ct)).ShouldBe(1);
        }

        (await LoadAsync(store, first)).Version.ShouldBe(firstStored.Version);
        (await LoadAsync(store, second)).Version.ShouldBe(secondStored.Version);
        await using (var session = store.QuerySession(Tenant))
            (await session.Events.FetchStreamAsync(first, token: Ct)).Count.ShouldBe((int)firstStored.Version);
        await using var commits = new GroupCommit(store);
        (await commits.AppendAsync(Tenant, first, firstStored.Version, OptIn(firstStored.State), Folded(firstStored, OptIn(firstStored.State)), null))
            .ShouldBe(GroupCommit.Outcome.Appended);
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

    /// <summary>An opt-in decided on <paramref name="stored"/>, handed to the group commit with the record it folds to.</summary>
    private static Task<GroupCommit.Outcome> OptInAsync(GroupCommit commits, Guid id, TenderRecord stored)
    {
        var events = OptIn(stored.State);
        return commits.AppendAsync(Tenant, id, stored.Version, events, Folded(stored, events), null);
    }

    /// <summary>The record as the write path folds it: the decision's events on the state it was made on.</summary>
    private static TenderRecord Folded(TenderRecord record, IReadOnlyList<object> events) =>
        TenderRecord.From(events.Aggregate(record.State, (state, e) => JointTender.Transition(state, e)!), record.Version + events.Count);

    private static async Task<long> RevisionAsync(DocumentStore store, Guid id)
    {
        await using var session = store.QuerySession(Tenant);
        return await session.QueryAsync<long>(
            $"select mt_version from {store.Options.DatabaseSchemaName}.mt_doc_tenderrecord where id = ?", Ct, id) is [var revision] ? revision : -1;
    }

    /// <summary>What an event row holds apart from what differs between any two events: ids, sequence, version, body, time.</summary>
    private static async Task<IReadOnlyList<string>> EventRowsAsync(DocumentStore store, Guid stream, params long[] versions)
    {
        await using var session = store.QuerySession(Tenant);
        return await session.QueryAsync<string>(
            $"""
            select concat_ws('|', type, tenant_id, mt_dotnet_type, is_archived, bdata is null, jsonb_typeof(data), stream_id)
            from {store.Options.DatabaseSchemaName}.mt_events where stream_id = ? and version = any(?) order by version
            """, Ct, stream, versions);
    }

    /// <summary>Every column of the record's row but when it was written.</summary>
    private static async Task<string> RecordRowAsync(IDocumentStore store, Guid id)
    {
        await using var session = store.QuerySession(Tenant);
        return (await session.QueryAsync<string>(
            $"select (to_jsonb(t) - 'mt_last_modified')::text from {store.Options.DatabaseSchemaName}.mt_doc_tenderrecord t where id = ?", Ct, id)).Single();
    }

    private static async Task<TenderRecord> LoadAsync(IDocumentStore store, Guid id)
    {
        await using var session = store.QuerySession(Tenant);
        return (await session.LoadAsync<TenderRecord>(id, Ct))!;
    }
}
