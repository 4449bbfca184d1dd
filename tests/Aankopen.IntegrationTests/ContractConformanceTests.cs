using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Aankopen.Contracts.Api.V1;
using Aankopen.Contracts.Finance.V1;
using NJsonSchema;
using RabbitMQ.Client;
using Shouldly;
using static Aankopen.IntegrationTests.HttpCalls;

namespace Aankopen.IntegrationTests;

/// <summary>
/// The published descriptions (contracts/schemas, contracts/finance-system.openapi.json) hold for what actually
/// travels: messages taken off the broker are validated against the schemas, and the simulator's contract document
/// is the committed one.
/// </summary>
[Collection(nameof(RunningSystem))]
public sealed class ContractConformanceTests(RunningSystem system)
{
    private const string Probe = "CONTRACT-PROBE";

    [Fact]
    public async Task Every_message_on_the_broker_matches_its_published_schema()
    {
        var factory = new ConnectionFactory { Port = int.Parse(TestServers.RabbitMqPort) };
        await using var connection = await factory.CreateConnectionAsync(Ct);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: Ct);
        // A listening queue of the test's own, beside the connectors' queues: it sees copies of what they get.
        var queue = (await channel.QueueDeclareAsync("", durable: false, exclusive: true, autoDelete: true, cancellationToken: Ct)).QueueName;
        foreach (var code in new[] { "GEMEENTE", "OCMW", Probe })
            foreach (var lane in FinanceRouting.Lanes)
                await channel.QueueBindAsync(queue, FinanceRouting.Exchange, FinanceRouting.RoutingKeyFor("default", code, lane), cancellationToken: Ct);

        var tender = new MealVoucherTender(system.Api);
        var reference = $"CC-{Guid.NewGuid():N}"[..20];
        await tender.OpenWithTwoLotsAsync(reference);
        await tender.OptInAsync(1, "GEMEENTE", 90_000m, "0100/123-48");
        await tender.OptInAsync(1, "OCMW", 30_000m, "0900/123-48");
        await tender.OptInAsync(1, "OCMW", 31_000m, "0900/123-48");
        await tender.OptInAsync(2, "OCMW", 1_000m, "0900/1");
        await tender.Step(a => a.WithdrawOptInAsync(tender.Id, 2, "OCMW", tender.ETag, "ocmw@jette.example", Ct));
        await tender.CloseAndPublishAsync();
        await tender.AwardAsync(1, 100_000.01m);
        await tender.Step(a => a.TerminateLotAsync(tender.Id, 1, tender.ETag, MealVoucherTender.Cell,
            new TerminateLotRequest(new DateOnly(2027, 6, 30), "Wanprestatie"), Ct));
        var central = $"CC-{Random.Shared.Next(100_000, 999_999)}";
        (await system.Api.SendAsync(Write(HttpMethod.Post, "api/centrals", new RegisterCentralRequest(central, "Centrale", "Centrale", "0250.000.177", "Regional"), null), Ct))
            .EnsureSuccessStatusCode();
        (await system.Api.SendAsync(Write(HttpMethod.Post, "api/memberships", new JoinCentralRequest("OCMW", central, "OCMW-raad", new DateOnly(2026, 9, 14),
            "RMW/2026/117", new ScopeDto(["Papier"], [30]), new DateOnly(2027, 1, 1), null, 3), null), Ct)).EnsureSuccessStatusCode();
        // A framework agreement announces ceilings, and an order is committed.
        var framework = new MealVoucherTender(system.Api);
        var frameworkReference = $"CF-{Guid.NewGuid():N}"[..20];
        await framework.PublishedDemoAsync(frameworkReference);
        await framework.AwardFrameworkAsync(1, 100_000m);
        await framework.OrderAsync(1, "OCMW", 1_000m, "BB-CC-1");
        // Renewals need a moved clock (RenewalSchedulerTests does that): publish one of each through the real bus and serializer.
        await PublishRenewalSamplesAsync(tender.Id);

        var seen = new Dictionary<string, int>();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        bool AllArrived() => FinanceRouting.MessageTypes.All(t => seen.ContainsKey(t.Name))
            && seen["ProvisionalReservation"] >= 5 && seen["ReservationReleased"] >= 2;
        while (!AllArrived() && DateTime.UtcNow < deadline)
        {
            if (await channel.BasicGetAsync(queue, autoAck: true, Ct) is not { } delivery)
            {
                await Task.Delay(100, Ct);
                continue;
            }
            var envelope = JsonNode.Parse(Encoding.UTF8.GetString(delivery.Body.Span))!;
            var typeName = envelope["messageType"]![0]!.GetValue<string>().Split(':')[^1];
            var schema = await JsonSchema.FromFileAsync(Path.Combine(RepositoryRoot, "contracts", "schemas", "finance", "v1", $"{typeName}.schema.json"), Ct);
            var errors = schema.Validate(envelope["message"]!.ToJsonString());
            errors.ShouldBeEmpty($"{typeName}: {string.Join("; ", errors.Select(e => $"{e.Path} {e.Kind}"))} in {envelope["message"]}");
            // Every message on the broker must match its schema; only this test's own are counted (others may still be in flight).
            var message = envelope["message"]!;
            if (message["tenderReference"]?.GetValue<string>() == reference || message["administrationCode"]?.GetValue<string>() == Probe
                || message["centralCode"]?.GetValue<string>() == central
                || (message["tenderReference"]?.GetValue<string>() == frameworkReference && typeName is "FrameworkShareAnnounced" or "OrderPlaced"))
                seen[typeName] = seen.GetValueOrDefault(typeName) + 1;
        }

        seen.Keys.ShouldBe(FinanceRouting.MessageTypes.Select(t => t.Name), ignoreOrder: true);
        seen["ProvisionalReservation"].ShouldBe(5);
        seen["ReservationReleased"].ShouldBe(2);
    }

    [Fact]
    public async Task The_finance_system_contract_document_is_the_committed_one()
    {
        var served = JsonNode.Parse(await system.Simulator.GetStringAsync("openapi/finance-system.json", Ct))!
            .ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
        var path = Path.Combine(RepositoryRoot, "contracts", "finance-system.openapi.json");
        if (Environment.GetEnvironmentVariable("AANKOPEN_WRITE_CONTRACTS") == "1")
            await File.WriteAllTextAsync(path, served, Ct);

        (await File.ReadAllTextAsync(path, Ct)).ReplaceLineEndings().ShouldBe(served.ReplaceLineEndings(),
            $"{path} is out of date; run AANKOPEN_WRITE_CONTRACTS=1 ./test.sh and review the change.");
        foreach (var operation in new[] { "/commitments", "/reservations", "/releases" })
            served.ShouldContain($"/systems/{{system}}{operation}");
        JsonNode.Parse(served)!["paths"]!.AsObject().Select(p => p.Value!["post"]!["parameters"]!.AsArray())
            .ShouldAllBe(parameters => parameters.Any(p => p!["name"]!.GetValue<string>() == "Idempotency-Key" && p["in"]!.GetValue<string>() == "header"));
    }

    private static async Task PublishRenewalSamplesAsync(Guid tenderId)
    {
        await using var bus = await TestBus.StartAsync();
        await bus.Bus.Publish(new LotRenewedShare
        {
            MessageId = Guid.NewGuid(),
            CorrelationId = "contract-probe",
            AdministrationCode = Probe,
            TenderId = tenderId,
            TenderReference = "AC-2027-001",
            LotNumber = 1,
            LotTitle = "Maaltijdcheques",
            Renewal = 1,
            Supplier = new Supplier("Cheques & Co NV", "0403.170.701"),
            ShareExclVat = 25_000m,
            VatRate = 0m,
            ShareInclVat = 25_000m,
            BudgetLine = "0900/123-48",
            PeriodStart = new DateOnly(2028, 1, 1),
            PeriodEnd = new DateOnly(2028, 12, 31),
            RenewedBy = "aankoopcel@jette.example",
            RenewedAt = DateTimeOffset.UtcNow,
        }, Ct);
        await bus.Bus.Publish(new RenewalDue
        {
            MessageId = Guid.NewGuid(),
            CorrelationId = "contract-probe",
            AdministrationCode = Probe,
            TenderId = tenderId,
            TenderReference = "AC-2027-001",
            LotNumber = 1,
            LotTitle = "Maaltijdcheques",
            Renewal = 1,
            NoticeDeadline = new DateOnly(2027, 10, 2),
            RenewsOn = new DateOnly(2028, 1, 1),
            ExpectedShareExclVat = 25_000m,
            ExpectedShareInclVat = 25_000m,
            BudgetLine = "0900/123-48",
        }, Ct);
    }

    private static string RepositoryRoot { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Aankopen.sln")))
                return dir.FullName;
        throw new InvalidOperationException("Aankopen.sln not found above " + AppContext.BaseDirectory);
    }
}
