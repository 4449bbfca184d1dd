using Aankopen.Domain.Tenders;
using Aankopen.Domain.Tenders.OptInToLot;
using Aankopen.Edge;
using Aankopen.Store.Infrastructure;
using Aankopen.Store.Streams;
using Aankopen.Store.Tenders;
using Aankopen.Store.Tenders.ReadModels;
using Marten;
using Npgsql;
using Shouldly;
using static Aankopen.IntegrationTests.HttpCalls;

namespace Aankopen.IntegrationTests;

/// <summary>
/// Our own append SQL (<see cref="BatchedAppends"/>) against Marten's own append, on this run's Marten: the same
/// event with the same correlation id and headers, appended to two equal streams, one each way, must leave the same
/// rows in mt_events and mt_streams, every column (the stream ids and the moments apart). With
/// <see cref="EventTablesAsWritten"/>, which refuses to start on tables with other columns, a Marten upgrade that
/// changes what an append writes fails here, loudly, instead of in production.
/// </summary>
[Collection(nameof(RunningSystem))]
public sealed class BatchedAppendsMatchMartenTests(RunningSystem system)
{
    [Fact]
    public async Task An_event_appended_by_our_sql_and_by_marten_leaves_the_same_rows()
    {
        var store = system.ApiServices.GetRequiredService<IDocumentStore>();
        var (byMarten, byUs) = (await OpenedAsync(), await OpenedAsync());
        const string correlation = "row-check";
        var key = $"key-{Guid.NewGuid():N}";
        var trace = $"00-{Guid.NewGuid():N}-{Guid.NewGuid():N}"[..55] + "-01";

        var martensEvents = OptIn(byMarten);
        await using (var session = store.LightweightSession("default"))
        {
            session.CorrelationId = correlation;
            session.SetHeader(IdempotencyKeys.EventHeader, key);
            session.SetHeader(EventTraces.Header, trace);
            session.Events.Append(byMarten.Id, byMarten.Version + martensEvents.Count, [.. martensEvents]);
            await session.SaveChangesAsync(Ct);
        }

        var ourEvents = OptIn(byUs);
        await using (var connection = await system.OwnConnectionAsync())
        {
            await using var batch = OurBatch(store, connection, byUs.Id, byUs.Version, ourEvents,
                TenderRecords.Records.After(byUs.State, byUs.Version, ourEvents).Record, key, correlation, trace);
            await batch.ExecuteNonQueryAsync(Ct);
        }

        await using var read = await system.OwnConnectionAsync();
        var (martensEvent, ourEvent) = (await RowAsync(read, EventRow, byMarten.Id, byMarten.Version + 1), await RowAsync(read, EventRow, byUs.Id, byUs.Version + 1));
        ourEvent.Columns.ShouldBe(martensEvent.Columns);
        ourEvent.Data.ShouldBe(martensEvent.Data.Replace(byMarten.Id.ToString(), byUs.Id.ToString()));
        (ourEvent.At - martensEvent.At).Duration().ShouldBeLessThan(TimeSpan.FromMinutes(1));
        var (martensStream, ourStream) = (await RowAsync(read, StreamRow, byMarten.Id, byMarten.Version + 1), await RowAsync(read, StreamRow, byUs.Id, byUs.Version + 1));
        ourStream.Columns.ShouldBe(martensStream.Columns);
        (ourStream.At - martensStream.At).Duration().ShouldBeLessThan(TimeSpan.FromMinutes(1));

        // And the tables are the ones the service checks for at start.
        (await EventTablesAsWritten.DifferencesAsync(store, Ct)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_stream_started_by_our_sql_and_by_marten_leaves_the_same_rows()
    {
        var store = system.ApiServices.GetRequiredService<IDocumentStore>();
        var opening = (TenderOpened)(await StreamOfAsync(store, (await OpenedAsync()).Id))[0].Data;
        const string correlation = "start-check";
        var key = $"key-{Guid.NewGuid():N}";
        var trace = $"00-{Guid.NewGuid():N}-{Guid.NewGuid():N}"[..55] + "-01";
        var (byMarten, byUs) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        var (martensReference, ourReference) = ($"SM-{Guid.NewGuid():N}"[..20], $"SU-{Guid.NewGuid():N}"[..20]);

        await using (var session = store.LightweightSession("default"))
        {
            session.CorrelationId = correlation;
            session.SetHeader(IdempotencyKeys.EventHeader, key);
            session.SetHeader(EventTraces.Header, trace);
            session.Events.StartStream<JointTender>(byMarten, opening with { TenderId = byMarten, Reference = martensReference });
            await session.SaveChangesAsync(Ct);
        }
        await using var connection = await system.OwnConnectionAsync();
        var ours = opening with { TenderId = byUs, Reference = ourReference };
        await using (var batch = OurBatch(store, connection, byUs, 0, [ours], TenderRecords.Records.Record(JointTender.Fold([ours])!, 1), key, correlation, trace,
            typeof(JointTender)))
            await batch.ExecuteNonQueryAsync(Ct);

        var (martensEvent, ourEvent) = (await RowAsync(connection, EventRow, byMarten, 1), await RowAsync(connection, EventRow, byUs, 1));
        ourEvent.Columns.ShouldBe(martensEvent.Columns);
        ourEvent.Data.ShouldBe(martensEvent.Data.Replace(byMarten.ToString(), byUs.ToString()).Replace(martensReference, ourReference));
        (ourEvent.At - martensEvent.At).Duration().ShouldBeLessThan(TimeSpan.FromMinutes(1));
        var (martensStream, ourStream) = (await RowAsync(connection, StreamRow, byMarten, 1), await RowAsync(connection, StreamRow, byUs, 1));
        ourStream.Columns.ShouldBe(martensStream.Columns);
        (ourStream.At - martensStream.At).Duration().ShouldBeLessThan(TimeSpan.FromMinutes(1));
    }

    /// <summary>Events and the stream's record as the service's own SQL writes them (<see cref="GroupCommit.Batch"/>), not yet sent.</summary>
    internal static NpgsqlBatch OurBatch(IDocumentStore store, NpgsqlConnection connection, Guid stream, long version, IReadOnlyList<object> events,
        object record, string? key, string? correlation, string? trace, Type? starts = null)
    {
        var appends = new BatchedAppends(store);
        return GroupCommit.Batch(connection, appends, "default",
            [(appends.Prepare(stream, version, events, new WriteOrigin(correlation, IdempotencyKey: key), trace, starts), new BatchedRecords(store).Prepare(record))]);
    }

    private static async Task<IReadOnlyList<JasperFx.Events.IEvent>> StreamOfAsync(IDocumentStore store, Guid id)
    {
        await using var query = store.QuerySession("default");
        return await query.Events.FetchStreamAsync(id, token: Ct);
    }

    [Fact]
    public async Task The_service_refuses_to_start_on_event_tables_with_a_column_it_does_not_write()
    {
        var database = await system.CreateDatabaseAsync();
        var (api, _, worker) = await system.StartDeploymentAsync(database, _ => { });
        var store = api.GetRequiredService<IDocumentStore>();
        // What a Marten upgrade would bring: a column in mt_events that our SQL does not write. (Marten's own start-up
        // migration removes a column it does not know, so the column is added after it, as an upgrade's would stand.)
        await using (var session = store.LightweightSession())
        {
            session.QueueSqlCommand($"alter table {StoreSettings.Schema}.mt_events add column causation_id varchar");
            await session.SaveChangesAsync(Ct);
        }

        foreach (var (services, writerAfter) in new[] { (api, "AdministrationSeeding"), (worker, "ProjectionCoordinator") })
        {
            var check = services.GetServices<IHostedService>().OfType<EventTablesAsWritten>().ShouldHaveSingleItem();
            var refused = await Should.ThrowAsync<StartupException>(() => check.StartAsync(Ct));
            refused.Message.ShouldContain("mt_events has causation_id, not written");
            refused.Message.ShouldContain("BatchedAppendsMatchMartenTests");
            // It runs after the schema is created or checked, and before anything writes: the API's seeding, the
            // worker's daemon.
            var started = services.GetServices<IHostedService>().Select(h => h.GetType().Name).ToList();
            var at = started.IndexOf(nameof(EventTablesAsWritten));
            at.ShouldBeGreaterThan(started.IndexOf("MartenActivator"), string.Join(", ", started)); // Marten applies the schema
            started.IndexOf("MartenActivator").ShouldBeGreaterThanOrEqualTo(0, string.Join(", ", started));
            started.IndexOf(writerAfter).ShouldBeGreaterThan(at, string.Join(", ", started));
        }
    }

    /// <summary>Every column but the ids and moments; the event's data apart, where the stream's own id is named.</summary>
    private static readonly string EventRow = $"""
        select (to_jsonb(e) - 'seq_id' - 'id' - 'stream_id' - 'timestamp' - 'data')::text, e.data::text, e.timestamp
        from {StoreSettings.Schema}.mt_events e where e.stream_id = $1 and e.version = $2
        """;

    private static readonly string StreamRow = $"""
        select (to_jsonb(s) - 'id' - 'timestamp' - 'created')::text, '', s.timestamp
        from {StoreSettings.Schema}.mt_streams s where s.id = $1 and s.version = $2
        """;

    private async Task<TenderRecord> OpenedAsync()
    {
        var tender = new MealVoucherTender(system.Api);
        await tender.OpenWithTwoLotsAsync($"RW-{Guid.NewGuid():N}"[..20]);
        await using var query = system.ApiServices.GetRequiredService<IDocumentStore>().QuerySession("default");
        return (await query.LoadAsync<TenderRecord>(tender.Id, Ct))!;
    }

    private static IReadOnlyList<object> OptIn(TenderRecord tender) =>
        OptInDecider.Decide(tender.State, new OptInCommand(1, "OCMW", 1_234.56m, 7m, "0900/1", TestUsers.Of("OCMW")),
            new DateTimeOffset(2026, 12, 6, 9, 0, 0, TimeSpan.Zero)).Events;

    private static async Task<(string Columns, string Data, DateTimeOffset At)> RowAsync(NpgsqlConnection connection, string sql, Guid stream, long version)
    {
        await using var command = new NpgsqlCommand(sql, connection) { Parameters = { new() { Value = stream }, new() { Value = version } } };
        await using var reader = await command.ExecuteReaderAsync(Ct);
        (await reader.ReadAsync(Ct)).ShouldBeTrue($"no row for {stream} at {version}");
        return (reader.GetString(0), reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2));
    }
}
