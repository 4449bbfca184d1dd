using System.Net;
using Aankopen.Contracts.Api.V1;
using Aankopen.Contracts.Finance.V1;
using Aankopen.Contracts.FinanceSystem.V1;
using Aankopen.FinanceSimulator;
using RabbitMQ.Client;
using Shouldly;
using static Aankopen.IntegrationTests.HttpCalls;

namespace Aankopen.IntegrationTests;

/// <summary>
/// One administration's messages never hold back another's: an administration registered through the API whose
/// connector never ran, and one whose queues an operator deleted by hand, while the city and the OCMW award and renew.
/// </summary>
[Collection(nameof(RunningSystem))]
public sealed class SilentAdministrationTests(RunningSystem system)
{
    private static readonly TimeSpan Usual = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task An_administration_without_a_connector_holds_back_nobody_and_gets_its_bookings_in_order_once_its_connector_starts()
    {
        var silent = await RegisterAsync(NewCode());
        var tender = await AwardedAndRenewedAsync(silent);

        // The others' bookings come as usual while nothing consumes the silent one's queues.
        foreach (var code in RunningSystem.Administrations)
            await system.EventuallyAsync(() => system.BookingsAsync(code),
                b => b.Count(e => e.Request.TenderReference == tender.Reference) == 2, Usual);
        (await system.BookingsAsync(silent)).ShouldBeEmpty();

        await StartConnectorAsync(silent);
        var booked = await system.EventuallyAsync(() => system.BookingsAsync(silent),
            b => b.Count(e => e.Request.TenderReference == tender.Reference) >= 2, Usual);
        ShouldBeAwardThenRenewalOnce(booked, tender.Reference);
    }

    [Fact]
    public async Task A_message_the_broker_refuses_is_parked_for_its_administration_shown_to_the_operator_and_re_sent_in_order()
    {
        // An operator's mistake: queues of another kind under its queues' names, so RabbitMQ refuses to declare them
        // as they must be (406), and the relay cannot place its messages.
        var refused = NewCode();
        await QueuesAsync(refused, (channel, queue) => channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false, cancellationToken: Ct));
        await RegisterAsync(refused);
        var tender = await AwardedAndRenewedAsync(refused);

        foreach (var code in RunningSystem.Administrations)
            await system.EventuallyAsync(() => system.BookingsAsync(code),
                b => b.Count(e => e.Request.TenderReference == tender.Reference) == 2, Usual);
        // From its opt-in's reservation to the renewal: the first refused, the later ones of the tender behind it, in order.
        var parked = await system.EventuallyAsync(ParkedAsync, p => p.Any(m => m.Administration == refused && m.MessageType == nameof(LotRenewedShare)), TimeSpan.FromSeconds(30));
        var mine = parked.Where(m => m.Administration == refused).ToArray();
        var types = mine.Select(m => m.MessageType).ToList();
        types[0].ShouldBe(nameof(ProvisionalReservation));
        types.IndexOf(nameof(LotAwardedShare)).ShouldBeLessThan(types.IndexOf(nameof(LotRenewedShare)));
        types.IndexOf(nameof(LotAwardedShare)).ShouldBeGreaterThan(0);
        mine[0].WaitsBehind.ShouldBeNull();
        mine[0].Reason.ShouldNotBeNullOrWhiteSpace();
        var first = mine[0].MessageId;
        mine[1..].Select(m => m.WaitsBehind).ShouldAllBe(behind => behind == first);
        mine.Select(m => m.StreamId).ShouldAllBe(stream => stream == tender.Id);
        await system.EventuallyAsync(MetricsAsync, m => ParkedGauge(m, refused) == mine.Length, Usual);

        // The cause fixed: the wrong queues removed. Re-sending declares them as they must be.
        await QueuesAsync(refused, (channel, queue) => channel.QueueDeleteAsync(queue, cancellationToken: Ct));
        await StartConnectorAsync(refused);
        // While another re-send of the same administration runs (another operator, another replica), a second waits its turn.
        await using (var other = await system.OwnConnectionAsync())
        {
            await using var running = await other.BeginTransactionAsync(Ct);
            await using var hold = new Npgsql.NpgsqlCommand("select pg_advisory_xact_lock(hashtextextended($1, 0))", other) { Parameters = { new() { Value = $"aankopen.resend/default/{refused}" } } };
            await hold.ExecuteNonQueryAsync(Ct);
            var meanwhile = await system.Worker.SendAsync(Write(HttpMethod.Post, $"api/operations/parked/{refused}/resend", null, null, actor: TestUsers.Operator), Ct);
            (await CodeOfAsync(meanwhile, HttpStatusCode.Conflict)).ShouldBe("resend-running");
        }
        (await ParkedAsync()).Count(m => m.Administration == refused).ShouldBe(mine.Length);
        var resent = await system.Worker.SendAsync(Write(HttpMethod.Post, $"api/operations/parked/{refused}/resend", null, null, actor: TestUsers.Operator), Ct);
        resent.StatusCode.ShouldBe(HttpStatusCode.OK, await resent.Content.ReadAsStringAsync(Ct));
        (await resent.Content.ReadFromJsonAsync<ResendView>(Ct))!.ShouldSatisfyAllConditions(r => r.Sent.ShouldBe(mine.Length), r => r.StillParked.ShouldBe(0));

        var booked = await system.EventuallyAsync(() => system.BookingsAsync(refused),
            b => b.Count(e => e.Request.TenderReference == tender.Reference) >= 2, Usual);
        ShouldBeAwardThenRenewalOnce(booked, tender.Reference);
        (await ParkedAsync()).ShouldNotContain(m => m.Administration == refused);
        await system.EventuallyAsync(MetricsAsync, m => ParkedGauge(m, refused) == 0, Usual);
    }

    private static string NewCode() => $"PZ-{Random.Shared.Next(100_000, 999_999)}";

    private async Task<string> RegisterAsync(string code)
    {
        var registered = await system.Api.SendAsync(Write(HttpMethod.Post, "api/administrations",
            new RegisterAdministrationRequest(code, "Politiezone Jette", "Zone de police Jette", "0207.000.176", "PoliceZone"), null), Ct);
        registered.StatusCode.ShouldBe(HttpStatusCode.Created, await registered.Content.ReadAsStringAsync(Ct));
        return code;
    }

    /// <summary>A tender of the city, the OCMW and <paramref name="third"/>: all opt into lot 1, it is awarded and renewed.</summary>
    private async Task<(Guid Id, string Reference)> AwardedAndRenewedAsync(string third)
    {
        var tender = new MealVoucherTender(system.Api);
        var reference = $"SA-{Guid.NewGuid():N}"[..20];
        tender.Resume(await tender.Api.OpenTenderAsync(MealVoucherTender.Cell,
            MealVoucherTender.Opening(reference) with { InvitedAdministrations = ["GEMEENTE", "OCMW", third] }, ct: Ct));
        await tender.Step(api => api.AddLotAsync(tender.Id, tender.ETag, MealVoucherTender.Cell, MealVoucherTender.Lot("Papier", 120_000m)));
        await tender.OptInAsync(1, "GEMEENTE", 60_000m, "0100/123-48");
        await tender.OptInAsync(1, "OCMW", 30_000m, "0900/123-48");
        await tender.OptInAsync(1, third, 30_000m, "330/123");
        await tender.CloseAndPublishAsync();
        await tender.AwardAsync(1, 100_000m);
        await tender.Step(api => api.RenewLotAsync(tender.Id, 1, tender.ETag, MealVoucherTender.Cell, Ct));
        return (tender.Id, reference);
    }

    private static void ShouldBeAwardThenRenewalOnce(IReadOnlyList<Entry<CommitmentRequest>> booked, string reference)
    {
        var ofTender = booked.Where(e => e.Request.TenderReference == reference).ToArray();
        ofTender.Select(e => e.Request.Kind).ShouldBe([CommitmentKind.Award, CommitmentKind.Renewal]);
        ofTender[0].Request.AmountExclVat.ShouldBe(25_000m); // a quarter of 100,000, as its 30,000 of the 120,000 estimated
    }

    private async Task StartConnectorAsync(string code)
    {
        var connector = system.DisposeAtEnd(Aankopen.FinanceConnector.Program.Build([.. system.ConnectorSettings(code), $"--RabbitMq:Port={TestServers.RabbitMqPort}"]));
        await connector.StartAsync(Ct);
    }

    private static async Task QueuesAsync(string code, Func<IChannel, string, Task> each)
    {
        var factory = new ConnectionFactory { HostName = "127.0.0.1", Port = int.Parse(TestServers.RabbitMqPort) };
        await using var connection = await factory.CreateConnectionAsync(Ct);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: Ct);
        foreach (var lane in FinanceRouting.Lanes)
            await each(channel, FinanceRouting.QueueFor("default", code, lane));
    }

    private async Task<ParkedMessageView[]> ParkedAsync() =>
        await system.Worker.AsAsync<ParkedMessageView[]>(TestUsers.Operator, HttpMethod.Get, "api/operations/parked");

    private Task<string> MetricsAsync() => ScrapedMetrics.ReadAsync(system.Worker);

    private static double ParkedGauge(string metrics, string code) =>
        ScrapedMetrics.Sum(metrics, "aankopen_finance_messages_parked", $"aankopen_administration=\"{code}\"");
}
