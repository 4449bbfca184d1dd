using Aankopen.Domain.Tenders;
using Aankopen.Domain.Tenders.OptInToLot;
using Aankopen.Store.Hosting;
using Aankopen.Store.Tenders.ReadModels;
using Marten;
using Shouldly;
using static Aankopen.IntegrationTests.HttpCalls;

namespace Aankopen.IntegrationTests;

/// <summary>
/// Events and records stored before the domain had a project of its own name their .NET types in the API's assembly
/// (<c>Aankopen.Api.Tenders.OptedIn, Aankopen.Api</c>). The store finds events by their registered names, not by
/// those types, so a process of this version reads them, folds them and rebuilds from them as before.
/// </summary>
public sealed class EarlierEventsTests
{
    private const string Tenant = Aankopen.Edge.Tenancy.Tenants.Default;

    [Fact]
    public async Task Events_and_records_written_under_the_earlier_type_names_are_read_and_folded()
    {
        var schema = $"earlier_{Guid.NewGuid():N}"[..20];
        var id = Guid.CreateVersion7();
        await using (var writer = Store(schema))
        {
            var (opened, tender) = DecidedTenders.OpenedWithLot(id, $"EE-{id:N}"[..20], DateTimeOffset.UtcNow);
            var optIn = DecidedTenders.Decide(tender, t => OptInDecider.Decide(t,
                new OptInCommand(1, "OCMW", 20_000m, null, "0900/1", TestUsers.Of("OCMW")), DateTimeOffset.UtcNow)).Events;
            await using var session = writer.LightweightSession(Tenant);
            session.Events.StartStream<JointTender>(id, [.. opened, .. optIn]);
            await session.SaveChangesAsync(Ct);
            // As the earlier version wrote them.
            await using var connection = new Npgsql.NpgsqlConnection(TestServers.PostgresConnectionString);
            await connection.OpenAsync(Ct);
            await using var rename = new Npgsql.NpgsqlCommand($"""
                update {schema}.mt_events
                set mt_dotnet_type = replace(replace(mt_dotnet_type, 'Aankopen.Domain.Tenders.', 'Aankopen.Api.Tenders.'), ', Aankopen.Domain', ', Aankopen.Api')
                where stream_id = @id
                """, connection);
            rename.Parameters.AddWithValue("id", id);
            var renamed = await rename.ExecuteNonQueryAsync(Ct);
            renamed.ShouldBe(opened.Count + optIn.Count);
        }

        // A new process: nothing of the writer's type cache survives.
        await using var reader = Store(schema);
        await using var query = reader.QuerySession(Tenant);
        (await query.QueryAsync<string>($"select mt_dotnet_type from {schema}.mt_events where stream_id = ? order by version", Ct, id))
            .ShouldAllBe(t => t.StartsWith("Aankopen.Api.Tenders.", StringComparison.Ordinal));
        // The names the store finds events by are the ones earlier versions wrote: the class names, snake-cased.
        (await query.QueryAsync<string>($"select type from {schema}.mt_events where stream_id = ? order by version", Ct, id))
            .ShouldBe(["tender_opened", "lot_added", "opted_in"]);
        var events = await query.Events.FetchStreamAsync(id, token: Ct);
        events[^1].Data.ShouldBeOfType<OptedIn>().Administration.ShouldBe("OCMW");
        var folded = await query.Events.AggregateStreamAsync<TenderRecord>(id, token: Ct);
        folded!.State.Lots[1].OptIns.Select(o => o.Administration).ShouldBe(["OCMW"]);
        await reader.Advanced.Clean.CompletelyRemoveAllAsync(Ct);
    }

    private static DocumentStore Store(string schema) => DocumentStore.For(o =>
    {
        o.Connection(TestServers.PostgresConnectionString);
        o.DatabaseSchemaName = schema;
        EventStoreSetup.DescribeStore(o);
    });
}
