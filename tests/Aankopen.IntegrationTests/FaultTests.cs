using System.Net;
using Aankopen.Contracts.Api.V1;
using Aankopen.FinanceSimulator;
using Aankopen.Messaging;
using Shouldly;
using static Aankopen.IntegrationTests.HttpCalls;

namespace Aankopen.IntegrationTests;

/// <summary>
/// Real faults on the real servers. Each ends with every expected booking present exactly once at each simulated
/// finance system and nothing at the wrong one.
/// </summary>
[Collection(nameof(RunningSystem))]
public sealed class FaultTests(RunningSystem system)
{
    /// <summary>A tender with lot 1 wanted by both administrations and lot 2 by the OCMW, published, ready for awards.</summary>
    private async Task<(MealVoucherTender Tender, string Reference)> PublishedAsync(string prefix, HttpClient? api = null)
    {
        var tender = new MealVoucherTender(api ?? system.Api);
        var reference = $"{prefix}-{Guid.NewGuid():N}"[..20];
        await tender.PublishedDemoAsync(reference);
        return (tender, reference);
    }

    private static async Task AwardBothLotsAsync(MealVoucherTender tender)
    {
        await tender.AwardAsync(1, 100_000.01m);
        await tender.AwardAsync(2, 19_000m);
    }

    /// <summary>Waits for the expected commitments of one tender, then checks each was booked once, where it belongs.</summary>
    private async Task ShouldBeBookedOnceAsync(string reference, int forCity, int forOcmw, TimeSpan? timeout = null)
    {
        var city = system.Ledgers.For("GEMEENTE");
        var ocmw = system.Ledgers.For("OCMW");
        await system.EventuallyAsync(
            () => Task.FromResult((City: Of(city, reference).Length, Ocmw: Of(ocmw, reference).Length)),
            n => n.City >= forCity && n.Ocmw >= forOcmw, timeout ?? TimeSpan.FromSeconds(60));
        // Give a late duplicate every chance to show up before asserting "once".
        await Task.Delay(TimeSpan.FromSeconds(1), Ct);
        Of(city, reference).Length.ShouldBe(forCity);
        Of(ocmw, reference).Length.ShouldBe(forOcmw);
        Of(city, reference).ShouldAllBe(e => e.Request.AdministrationCode == "GEMEENTE");
        Of(ocmw, reference).ShouldAllBe(e => e.Request.AdministrationCode == "OCMW");
        Of(city, reference).Concat(Of(ocmw, reference)).GroupBy(e => e.IdempotencyKey).ShouldAllBe(g => g.Count() == 1);
        city.Rejections.ShouldBeEmpty();
        ocmw.Rejections.ShouldBeEmpty();
    }

    private static Entry<Aankopen.Contracts.FinanceSystem.V1.CommitmentRequest>[] Of(Ledger ledger, string reference) =>
        ledger.Commitments.All.Where(e => e.Request.TenderReference == reference).ToArray();

    [Fact]
    public async Task RabbitMQ_stopped_while_awards_are_recorded()
    {
        var (tender, reference) = await PublishedAsync("FR");

        await TestServers.PauseRabbitMqAsync();
        try
        {
            // The API keeps taking decisions: they wait in the event store.
            await AwardBothLotsAsync(tender);
            await Task.Delay(TimeSpan.FromSeconds(4), Ct);
            Of(system.Ledgers.For("OCMW"), reference).ShouldBeEmpty();
            // The worker's readiness says so, and stays ready: it holds the messages; the API's does not depend on it.
            var (status, _) = await system.EventuallyAsync(() => HealthTests.ReadyAsync(system.Worker), r => HealthTests.StatusOf(r.Report, "rabbitmq") == "Degraded");
            status.ShouldBe(HttpStatusCode.OK);
            (await HealthTests.ReadyAsync(system.Api)).Status.ShouldBe(HttpStatusCode.OK);
        }
        finally
        {
            await TestServers.ResumeRabbitMqAsync();
        }

        await ShouldBeBookedOnceAsync(reference, forCity: 1, forOcmw: 2);
    }

    [Fact]
    public async Task A_connection_string_naming_a_standby_that_is_down_first_reaches_the_primary_after_it()
    {
        // As with a primary and a standby: Npgsql tries the hosts in turn and keeps the one that is primary.
        var server = new Npgsql.NpgsqlConnectionStringBuilder(await system.CreateDatabaseAsync());
        var several = new Npgsql.NpgsqlConnectionStringBuilder(server.ConnectionString)
        {
            Host = $"127.0.0.1:1,{server.Host}:{server.Port}",
            TargetSessionAttributes = "primary",
        };
        var (_, http) = await system.StartApiAsync(several.ConnectionString, _ => { });

        var tender = new MealVoucherTender(http);
        var opened = await tender.OpenWithTwoLotsAsync($"HA-{Guid.NewGuid():N}"[..20]);
        (await tender.OptInAsync(1, "OCMW", 1_000m, "0900/1")).Version.ShouldBeGreaterThan(opened.Version);
    }

    [Fact]
    public async Task PostgreSQL_restarted_while_the_relay_runs_and_someone_signs_in()
    {
        var (tender, reference) = await PublishedAsync("FP");
        await tender.AwardAsync(1, 100_000.01m);
        await tender.DecideMissingAsync(2);
        // Someone signed in to the pages: the web application's pool holds connections from before the restart.
        var reports = new Uri(system.Site, "reports");
        using (var before = new Pages.SignInOverHttp())
            (await before.SignInAsync(reports.ToString(), TestUsers.Auditor)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        await TestServers.RestartPostgresAsync();
        // The provider's code is used once: the sign-in callback must store the session on its first try, not answer
        // 503 on a connection that died with the server.
        using var signingIn = new Pages.SignInOverHttp();
        (await signingIn.SignInAsync(reports.ToString(), TestUsers.Auditor)).StatusCode.ShouldBe(HttpStatusCode.Redirect,
            string.Join("\n", system.WebWarnings.All.Select(w => w.Message)));
        // The first request after the restart may meet a dropped connection: 503, nothing written, send it again.
        await system.EventuallyAsync(async () =>
        {
            var response = await tender.Api.AwardLotAsync(tender.Id, 2, tender.ETag, MealVoucherTender.Cell,
                new AwardLotRequest("Cheques & Co NV", MealVoucherTender.SupplierNumber, 19_000m, new DateOnly(2027, 1, 1), new DateOnly(2027, 12, 31)), Ct);
            response.StatusCode.ShouldBeOneOf(HttpStatusCode.OK, HttpStatusCode.ServiceUnavailable);
            return response.StatusCode;
        }, status => status == HttpStatusCode.OK);

        await ShouldBeBookedOnceAsync(reference, forCity: 1, forOcmw: 2);
        // Once one write got through, no writer is left on a connection from before the restart: a tender opened,
        // filled, published and awarded now succeeds at every step the first time (the helpers refuse anything else).
        var (after, _) = await PublishedAsync("FR");
        await after.AwardAsync(1, 50_000m);
        (await signingIn.GetAsync(reports)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_finance_system_fails_and_times_out_for_a_while_then_recovers()
    {
        var (tender, reference) = await PublishedAsync("FS");
        var ocmw = system.Ledgers.For("OCMW");
        // The opt-ins' reservations first, so that the faults meet the awards.
        await system.EventuallyAsync(() => Task.FromResult(ocmw.Reservations.All.Count(r => r.Request.TenderReference == reference)), n => n == 2);

        // Six failures outlast Polly's four attempts: MassTransit redelivers (or the breaker holds the message back), and a later call gets through.
        ocmw.Faults.Set(new FaultRequest(FaultMode.Fail, Calls: 6));
        await tender.AwardAsync(1, 100_000.01m);
        await system.EventuallyAsync(() => Task.FromResult(Of(ocmw, reference).Length), n => n == 1, TimeSpan.FromSeconds(60));
        // Then calls that hang longer than the connector waits for one.
        ocmw.Faults.Set(new FaultRequest(FaultMode.Timeout, Calls: 2, DelaySeconds: 2));
        await tender.AwardAsync(2, 19_000m);

        await ShouldBeBookedOnceAsync(reference, forCity: 1, forOcmw: 2);
        var deliveries = await system.EventuallyAsync(
            async () => (await system.Api.GetFromJsonAsync<DeliveryView[]>($"api/deliveries?tenderId={tender.Id}&administration=OCMW", Ct))!,
            d => d.Count(x => x.MessageType == "LotAwardedShare" && x.Status == "Delivered") == 2);
        var first = deliveries.Single(d => d.MessageType == "LotAwardedShare" && d.LotNumber == 1);
        // Either MassTransit redelivered it, or (when the failures opened the breaker) it waited the breaker out.
        (first.Attempts > 1 || first.Reports.Any(r => r.Reason?.Contains("circuit breaker", StringComparison.Ordinal) == true)).ShouldBeTrue();
        first.Reports.Select(r => r.Status).ShouldContain("Retrying");
        // The breaker opened on the way (ten calls suffice here) but nothing gave up: both deliveries got through.
        deliveries.ShouldNotContain(d => d.Status == "Failed");
    }

    [Fact]
    public async Task The_finance_system_down_long_enough_to_open_the_breaker_keeps_the_messages_waiting()
    {
        var (tender, reference) = await PublishedAsync("FB");
        var ocmw = system.Ledgers.For("OCMW");
        await system.EventuallyAsync(() => Task.FromResult(ocmw.Reservations.All.Count(r => r.Request.TenderReference == reference)), n => n == 2);
        ocmw.Faults.Set(new FaultRequest(FaultMode.Fail));
        try
        {
            await tender.AwardAsync(2, 19_000m);
            await system.EventuallyAsync(
                async () => (await system.Api.GetFromJsonAsync<DeliveryView[]>($"api/deliveries?tenderId={tender.Id}&status=Retrying", Ct))!,
                d => d.Length == 1);
            // Every redelivery of the test connector is spent within two seconds of calls failing; the breaker (ten
            // calls, one-second breaks) opens well before. Far longer than that, nothing has given up.
            await Task.Delay(TimeSpan.FromSeconds(6), Ct);
            (await system.Api.GetFromJsonAsync<DeliveryView[]>($"api/deliveries?tenderId={tender.Id}&status=Failed", Ct))!.ShouldBeEmpty();
            var (_, health) = await HealthTests.ReadyAsync(system.Api);
            HealthTests.StatusOf(health, "finance-systems").ShouldBe("Degraded");
            health.GetProperty("checks").GetProperty("finance-systems").GetProperty("description").GetString()!.ShouldContain("OCMW");
        }
        finally
        {
            ocmw.Faults.Set(new FaultRequest(FaultMode.None));
        }

        await ShouldBeBookedOnceAsync(reference, forCity: 0, forOcmw: 1);
    }

    [Fact]
    public async Task A_message_the_finance_system_keeps_refusing_goes_to_the_error_queue_and_is_replayed_once_fixed()
    {
        var (tender, reference) = await PublishedAsync("FE");
        var ocmw = system.Ledgers.For("OCMW");
        await system.EventuallyAsync(() => Task.FromResult(ocmw.Reservations.All.Count(r => r.Request.TenderReference == reference)), n => n == 2);
        // A refusal (422) is the message's own problem: not retried by Polly, not counted by the breaker.
        ocmw.Faults.Set(new FaultRequest(FaultMode.Refuse));
        DeliveryView[] failed;
        try
        {
            await tender.AwardAsync(2, 19_000m);
            failed = await system.EventuallyAsync(
                async () => (await system.Api.GetFromJsonAsync<DeliveryView[]>($"api/deliveries?tenderId={tender.Id}&status=Failed", Ct))!,
                d => d.Length == 1, TimeSpan.FromSeconds(60));
            failed[0].Reason.ShouldNotBeNullOrWhiteSpace();
        }
        finally
        {
            ocmw.Faults.Set(new FaultRequest(FaultMode.None));
        }

        // The operator's view of the error queues, and the replay, through the API as the aankopen command line uses it.
        var messageId = failed[0].MessageId.ToString();
        var inErrorQueue = await system.EventuallyAsync(() => AsOperatorAsync<FailedMessageView[]>(HttpMethod.Get, "api/operations/deliveries/OCMW/failed"),
            e => e.Any(m => m.MessageId == messageId));
        inErrorQueue.Single(m => m.MessageId == messageId).Reason!.ShouldContain("422");
        (await AsOperatorAsync<ReplayView>(HttpMethod.Post, "api/operations/deliveries/OCMW/failed/replay")).Replayed.ShouldBeGreaterThanOrEqualTo(1);

        await ShouldBeBookedOnceAsync(reference, forCity: 0, forOcmw: 1);
        (await AsOperatorAsync<FailedMessageView[]>(HttpMethod.Get, "api/operations/deliveries/OCMW/failed")).ShouldBeEmpty();
        // The connector's own command reads the same queues.
        (await ErrorQueue.ListAsync(new RabbitMqSettings { Port = ushort.Parse(TestServers.RabbitMqPort) }, "default", "OCMW", Ct)).ShouldBeEmpty();
        await system.EventuallyAsync(
            async () => (await system.Api.GetFromJsonAsync<DeliveryView[]>($"api/deliveries?tenderId={tender.Id}&status=Failed", Ct))!,
            d => d.Length == 0);
    }

    [Fact]
    public async Task The_worker_killed_hard_while_publishing_then_restarted()
    {
        var database = await system.CreateDatabaseAsync();
        var (_, api) = await system.StartApiAsync(database, _ => { });
        await using var relay = await WorkerProcess.StartAsync(database);
        var (tender, reference) = await PublishedAsync("FK", api);
        await tender.AwardAsync(1, 100_000.01m);

        // Kill the moment the first booking shows: the relay is then busy with this tender's messages.
        var ocmw = system.Ledgers.For("OCMW");
        await system.EventuallyAsync(() => Task.FromResult(ocmw.Reservations.All.Count(r => r.Request.TenderReference == reference)), n => n >= 1);
        relay.Kill();

        await using var restarted = await WorkerProcess.StartAsync(database);
        var resumed = new MealVoucherTender(api);
        resumed.Resume(await resumed.Api.GetTenderAsync(tender.Id, Ct));
        await resumed.AwardAsync(2, 19_000m);

        await ShouldBeBookedOnceAsync(reference, forCity: 1, forOcmw: 2);
        ocmw.Reservations.All.Where(r => r.Request.TenderReference == reference).Select(r => r.IdempotencyKey).Distinct().Count().ShouldBe(2);
    }

    [Fact]
    public async Task Of_two_workers_one_leads_and_the_other_takes_over_when_it_is_killed_hard()
    {
        var database = await system.CreateDatabaseAsync();
        var (_, api) = await system.StartApiAsync(database, _ => { });
        await using var first = await WorkerProcess.StartAsync(database);
        // Alone, the first worker is elected: its tender's bookings show that it runs the relay.
        var (warmup, warmupReference) = await PublishedAsync("HL", api);
        await warmup.AwardAsync(1, 100_000.01m);
        await ShouldBeBookedOnceAsync(warmupReference, forCity: 1, forOcmw: 1);
        await using var second = await WorkerProcess.StartAsync(database);

        // A stream of awards through the API; the leading worker is killed hard in the middle of it.
        var references = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            var (tender, reference) = await PublishedAsync("HT", api);
            await AwardBothLotsAsync(tender);
            references.Add(reference);
            if (i != 2)
                continue;
            // Up to here the first leads and publishes everything; the second stands by and publishes nothing.
            await ShouldBeBookedOnceAsync(reference, forCity: 1, forOcmw: 2);
            Published(await ScrapedMetrics.ReadAsync(first.Http)).ShouldBeGreaterThan(0);
            Published(await ScrapedMetrics.ReadAsync(second.Http)).ShouldBe(0);
            // The standby refuses a rebuild, which it could not do without racing the leader's shards.
            var rebuild = await second.Http.SendAsync(Write(HttpMethod.Post, "api/operations/projections/rebuild", null, null, actor: TestUsers.Operator), Ct);
            (await CodeOfAsync(rebuild, HttpStatusCode.Conflict)).ShouldBe("not-the-leader");
            first.Kill();
        }

        foreach (var reference in references)
            await ShouldBeBookedOnceAsync(reference, forCity: 1, forOcmw: 2);
        // Only one of them ever published at a time: the second only once the first was gone.
        Published(await ScrapedMetrics.ReadAsync(second.Http)).ShouldBeGreaterThan(0);
    }

    private static double Published(string metrics) => ScrapedMetrics.Sum(metrics, "aankopen_finance_messages_published_total");

    private Task<T> AsOperatorAsync<T>(HttpMethod method, string path) => system.Worker.AsAsync<T>(TestUsers.Operator, method, path);
}
