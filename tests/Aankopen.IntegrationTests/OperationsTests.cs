using System.Net;
using Aankopen.Contracts.Api.V1;
using Aankopen.Edge;
using Aankopen.Store.Infrastructure;
using Shouldly;
using static Aankopen.IntegrationTests.HttpCalls;

namespace Aankopen.IntegrationTests;

/// <summary>The operator's endpoints: the configuration check and rebuilding the read models in the running daemon.</summary>
[Collection(nameof(RunningSystem))]
public sealed class OperationsTests(RunningSystem system)
{
    [Fact]
    public async Task The_configuration_check_names_each_dependency_and_the_administration_nobody_books_for()
    {
        var check = await system.EventuallyAsync(() => AsOperatorAsync<ConfigurationCheckView>(HttpMethod.Get, "api/operations/configuration"),
            c => c.Checks.Any(i => i.Name == "connector default/OCMW" && i.Status == "ok"));

        var byName = check.Checks.ToDictionary(c => c.Name);
        byName["postgresql"].Status.ShouldBe("ok");
        byName["schema"].Status.ShouldBe("ok");
        byName["identity-provider"].Status.ShouldBe("ok");
        byName["rabbitmq"].Status.ShouldBe("ok");
        byName["connector default/GEMEENTE"].Detail.ShouldContain("consumers on 2 queues");
        // The second municipality's OCMW has no connector in this fixture: nothing books for it.
        var orphan = byName[$"connector {RunningSystem.OtherTenant}/{RunningSystem.OtherOcmw}"];
        orphan.Status.ShouldBe("warning");
        orphan.Detail.ShouldContain($"Connector:Administration={RunningSystem.OtherOcmw}");
        check.Status.ShouldBe("warning");
    }

    [Fact]
    public async Task Rebuilding_through_the_worker_keeps_every_tender_and_the_daemon_running()
    {
        var reference = $"RB-{Guid.NewGuid():N}"[..20];
        await new MealVoucherTender(system.Api).AwardedDemoAsync(reference);

        var rebuilt = await AsOperatorAsync<RebuildView>(HttpMethod.Post, "api/operations/projections/rebuild");

        rebuilt.Projections.ShouldContain(nameof(Aankopen.Store.Tenders.ReadModels.ParticipationProjection));
        rebuilt.Tenders.ShouldBeGreaterThanOrEqualTo(1);
        var found = await system.Api.GetFromJsonAsync<PageView<TenderSummaryView>>($"api/tenders?q={reference}", Ct);
        found!.Items.ShouldHaveSingleItem().Reference.ShouldBe(reference);
        // The async participations keep up after the rebuild: a new tender shows up in them.
        var later = $"RC-{Guid.NewGuid():N}"[..20];
        await new MealVoucherTender(system.Api).AwardedDemoAsync(later);
        await system.EventuallyAsync(async () => (await new MealVoucherTender(system.Api).Api.GetAdministrationYearAsync("OCMW", DateTime.UtcNow.Year, Ct)).Content!,
            y => y.Participations.Any(p => p.Reference == later));
    }

    [Fact]
    public async Task The_service_stores_its_compressed_records_with_lz4()
    {
        var reference = $"LZ-{Guid.NewGuid():N}"[..20];
        await new MealVoucherTender(system.Api).AwardedDemoAsync(reference);

        // Written by the service's own connections (Database:Compression, lz4 by default); a record of two lots with
        // their opt-ins and an award is large enough for PostgreSQL to compress.
        await using var connection = new Npgsql.NpgsqlConnection(system.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var compression = new Npgsql.NpgsqlCommand(
            "select pg_column_compression(data) from aankopen.mt_doc_tenderrecord where reference = $1", connection)
        { Parameters = { new() { Value = reference } } };
        (await compression.ExecuteScalarAsync(Ct)).ShouldBe("lz4");
    }

    [Fact]
    public async Task With_explicit_migrations_the_api_and_the_worker_refuse_an_old_schema_until_the_workers_migrate_has_run()
    {
        var database = await system.CreateDatabaseAsync();
        string[] settings = ["--urls=http://127.0.0.1:0", $"--ConnectionStrings:Aankopen={database}", $"--RabbitMq:Port={TestServers.RabbitMqPort}",
            .. RunningSystem.ApiSettings(), $"--{SchemaMigrations.Setting}=Explicit"];

        var early = system.DisposeAtEnd(Aankopen.Api.Program.Build(settings));
        (await Should.ThrowAsync<StartupException>(() => early.StartAsync(Ct))).Message.ShouldContain("Aankopen.Worker migrate");
        var earlyWorker = system.DisposeAtEnd(Aankopen.Worker.Program.Build(settings));
        (await Should.ThrowAsync<StartupException>(() => earlyWorker.StartAsync(Ct))).Message.ShouldContain("Aankopen.Worker migrate");

        var script = Path.Combine(Path.GetTempPath(), $"aankopen-{Guid.NewGuid():N}.sql");
        (await Aankopen.Worker.Program.Main(["migrate", "--script", script, .. settings])).ShouldBe(0);
        (await File.ReadAllTextAsync(script, Ct)).ShouldContain("CREATE TABLE");
        File.Delete(script);
        (await Aankopen.Worker.Program.Main(["migrate", .. settings])).ShouldBe(0);
        // The tender records keep a fifth of each page free, so that opt-ins update them in place.
        await using (var connection = new Npgsql.NpgsqlConnection(database))
        {
            await connection.OpenAsync(Ct);
            await using var options = new Npgsql.NpgsqlCommand("select reloptions from pg_class where oid = 'aankopen.mt_doc_tenderrecord'::regclass", connection);
            ((string[])(await options.ExecuteScalarAsync(Ct))!).ShouldContain("fillfactor=80");
        }

        var (_, migrated) = await system.StartApiAsync(database, _ => { }, $"--{SchemaMigrations.Setting}=Explicit");
        (await migrated.GetAsync("health/ready", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var (_, worker) = await system.StartWorkerAsync(database, _ => { }, $"--{SchemaMigrations.Setting}=Explicit");
        (await worker.GetAsync("health/live", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_api_serves_no_operator_endpoint_those_are_the_workers()
    {
        var response = await system.Api.SendAsync(Write(HttpMethod.Post, "api/operations/projections/rebuild", null, null, actor: TestUsers.Operator), Ct);

        // No such route on the API: the fallback policy (a role that reads tenders) refuses the operator before a 404.
        response.IsSuccessStatusCode.ShouldBeFalse();
        system.ApiServices.GetRequiredService<Microsoft.AspNetCore.Routing.EndpointDataSource>().Endpoints.OfType<Microsoft.AspNetCore.Routing.RouteEndpoint>()
            .ShouldNotContain(e => e.RoutePattern.RawText!.Contains("operations", StringComparison.Ordinal));
        (await system.Worker.SendAsync(Write(HttpMethod.Get, "api/operations/parked", null, null, actor: TestUsers.Operator), Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private Task<T> AsOperatorAsync<T>(HttpMethod method, string path) => system.Worker.AsAsync<T>(TestUsers.Operator, method, path);
}
