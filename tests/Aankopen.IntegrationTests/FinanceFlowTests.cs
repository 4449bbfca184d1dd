using System.Net;
using Aankopen.Contracts.Api.V1;
using Shouldly;
using static Aankopen.IntegrationTests.HttpCalls;

namespace Aankopen.IntegrationTests;

/// <summary>Every kind of finance message, from the API through RabbitMQ and a connector to the right finance system.</summary>
[Collection(nameof(RunningSystem))]
public sealed class FinanceFlowTests(RunningSystem system)
{
    private const string Cell = MealVoucherTender.Cell;

    [Fact]
    public async Task Opt_ins_reserve_provisionally_and_each_ending_releases_only_its_own_administration()
    {
        var tender = new MealVoucherTender(system.Api);
        var reference = $"FF-{Guid.NewGuid():N}"[..20];
        await tender.OpenWithTwoLotsAsync(reference);
        await tender.Step(a => a.AddLotAsync(tender.Id, tender.ETag, Cell, MealVoucherTender.Lot("Derde perceel", 5_000m)));
        await tender.OptInAsync(1, "GEMEENTE", 90_000m, "0100/123-48");
        await tender.OptInAsync(1, "OCMW", 30_000m, "0900/123-48");
        await tender.OptInAsync(1, "OCMW", 35_000m, "0900/123-48"); // changed
        await tender.OptInAsync(2, "OCMW", 20_000m, "0900/124-48");
        await tender.OptInAsync(3, "GEMEENTE", 5_000m, "0100/9");
        await tender.Step(a => a.WithdrawOptInAsync(tender.Id, 2, "OCMW", tender.ETag, "ocmw@jette.example"));
        await tender.Step(a => a.RemoveLotAsync(tender.Id, 3, tender.ETag, Cell));
        await tender.CloseAndPublishAsync();
        await tender.AwardAsync(1, 100_000m);
        await tender.Step(a => a.TerminateLotAsync(tender.Id, 1, tender.ETag, Cell, new TerminateLotRequest(new DateOnly(2027, 6, 30), "Wanprestatie")));

        var ocmw = system.Ledgers.For("OCMW");
        var city = system.Ledgers.For("GEMEENTE");
        await system.EventuallyAsync(() => Task.FromResult(ocmw.Releases.All.Count(r => r.Request.TenderReference == reference)), n => n >= 1);
        await system.EventuallyAsync(() => Task.FromResult(city.Releases.All.Count(r => r.Request.TenderReference == reference)), n => n >= 2);

        ocmw.Reservations.All.Where(r => r.Request.TenderReference == reference)
            .Select(r => (r.Request.LotNumber, r.Request.Change, r.Request.AmountExclVat))
            .ShouldBe([(1, "Registered", (decimal?)30_000m), (1, "Changed", 35_000m), (2, "Registered", 20_000m), (2, "Withdrawn", 20_000m)]);
        city.Reservations.All.Where(r => r.Request.TenderReference == reference).Select(r => r.Request.LotNumber).ShouldBe([1, 3]);
        city.Releases.All.Where(r => r.Request.TenderReference == reference).Select(r => (r.Request.LotNumber, r.Request.Reason))
            .ShouldBe([(3, "LotRemoved"), (1, "LotTerminated")]);
        var terminated = ocmw.Releases.All.Single(r => r.Request.TenderReference == reference).Request;
        terminated.ShouldSatisfyAllConditions(
            r => r.Reason.ShouldBe("LotTerminated"), r => r.EffectiveOn.ShouldBe(new DateOnly(2027, 6, 30)), r => r.BudgetLine.ShouldBe("0900/123-48"));
        // Nobody ever sent one administration's figures to the other.
        ocmw.Reservations.All.Concat<object>(ocmw.Releases.All).ShouldNotContain(e => e.ToString()!.Contains("0100/"));
        city.Rejections.ShouldBeEmpty();
        ocmw.Rejections.ShouldBeEmpty();
    }

    [Fact]
    public async Task Notice_not_to_renew_releases_each_administrations_share_after_the_current_period()
    {
        var tender = new MealVoucherTender(system.Api);
        var reference = $"NR-{Guid.NewGuid():N}"[..20];
        await tender.AwardedDemoAsync(reference);

        var notice = await system.Api.SendAsync(Write(HttpMethod.Post, $"api/tenders/{tender.Id}/lots/1/non-renewal", new ReasonRequest("Te duur"), tender.ETag), Ct);

        notice.StatusCode.ShouldBe(HttpStatusCode.OK);
        var view = (await notice.Content.ReadFromJsonAsync<TenderView>(Ct))!.Lots.Single(l => l.Number == 1);
        view.Running!.NextRenewal.ShouldBeNull();
        var recorded = (await system.Api.GetFromJsonAsync<HistoryEntryView[]>($"api/tenders/{tender.Id}/history", Ct))!.Last();
        (recorded.Event, recorded.By).ShouldBe(("LotNotRenewed", "tester@jette.example"));
        foreach (var (code, budgetLine) in new[] { ("GEMEENTE", "0100/123-48"), ("OCMW", "0900/123-48") })
        {
            var ledger = system.Ledgers.For(code);
            var release = (await system.EventuallyAsync(() => Task.FromResult(ledger.Releases.All.Where(r => r.Request.TenderReference == reference).ToArray()),
                r => r.Length >= 1)).ShouldHaveSingleItem().Request;
            release.ShouldSatisfyAllConditions(r => r.Reason.ShouldBe("LotEnded"), r => r.EffectiveOn.ShouldBe(new DateOnly(2027, 12, 31)),
                r => r.BudgetLine.ShouldBe(budgetLine));
        }
    }

    [Fact]
    public async Task A_cancelled_tender_releases_every_opt_in_and_a_lot_not_awarded_releases_its_own()
    {
        var cancelled = new MealVoucherTender(system.Api);
        var cancelledReference = $"FC-{Guid.NewGuid():N}"[..20];
        await cancelled.OpenWithTwoLotsAsync(cancelledReference);
        await cancelled.OptInAsync(1, "OCMW", 1_000m, "0900/1");
        await cancelled.OptInAsync(2, "OCMW", 2_000m, "0900/2");
        await cancelled.Step(a => a.CancelTenderAsync(cancelled.Id, cancelled.ETag, Cell, new ReasonRequest("Budget ingetrokken")));

        var notAwarded = new MealVoucherTender(system.Api);
        var notAwardedReference = $"FN-{Guid.NewGuid():N}"[..20];
        await notAwarded.OpenWithTwoLotsAsync(notAwardedReference);
        await notAwarded.OptInAsync(1, "GEMEENTE", 1_000m, "0100/1");
        await notAwarded.CloseAndPublishAsync();
        await notAwarded.Step(a => a.DeclareLotNotAwardedAsync(notAwarded.Id, 1, notAwarded.ETag, Cell, new ReasonRequest("Geen offertes")));

        var ocmwReleases = await system.EventuallyAsync(
            () => Task.FromResult(system.Ledgers.For("OCMW").Releases.All.Where(r => r.Request.TenderReference == cancelledReference).ToArray()),
            r => r.Length >= 2);
        ocmwReleases.Select(r => (r.Request.LotNumber, r.Request.Reason, r.Request.AmountExclVat))
            .ShouldBe([(1, "TenderCancelled", (decimal?)1_000m), (2, "TenderCancelled", 2_000m)]);
        var cityRelease = await system.EventuallyAsync(
            () => Task.FromResult(system.Ledgers.For("GEMEENTE").Releases.All.Where(r => r.Request.TenderReference == notAwardedReference).ToArray()),
            r => r.Length >= 1);
        cityRelease.ShouldHaveSingleItem().Request.Description.ShouldContain("Geen offertes");
    }

    /// <summary>The demo tender awarded, once its five finance messages (two shares, three reservations) are all delivered.</summary>
    private async Task<(MealVoucherTender Tender, DeliveryView[] Deliveries)> AwardedAndDeliveredAsync(string prefix)
    {
        var tender = new MealVoucherTender(system.Api);
        await tender.AwardedDemoAsync($"{prefix}-{Guid.NewGuid():N}"[..20]);
        var deliveries = await system.EventuallyAsync(
            async () => (await system.Api.GetFromJsonAsync<DeliveryView[]>($"api/deliveries?tenderId={tender.Id}", Ct))!,
            d => d.Length == 5 && d.All(x => x.Status == "Delivered"));
        return (tender, deliveries);
    }

    [Fact]
    public async Task Every_message_shows_as_delivered_with_what_the_finance_system_answered()
    {
        var (tender, deliveries) = await AwardedAndDeliveredAsync("FD");

        deliveries.Count(d => d.MessageType == "LotAwardedShare").ShouldBe(2);
        deliveries.Count(d => d.MessageType == "ProvisionalReservation").ShouldBe(3);
        deliveries.ShouldAllBe(d => d.FinanceSystemId != null && d.FinanceSystemId.StartsWith(d.Administration) && d.Attempts == 1);
        var one = (await system.Api.GetFromJsonAsync<DeliveryView>($"api/deliveries/{deliveries[0].MessageId}", Ct))!;
        one.Reports.ShouldHaveSingleItem().Status.ShouldBe("Delivered");
        (await system.Api.GetFromJsonAsync<DeliveryView[]>($"api/deliveries?tenderId={tender.Id}&administration=OCMW&status=Delivered", Ct))!
            .Length.ShouldBe(3);
    }

    [Fact]
    public async Task A_single_report_from_a_connector_of_an_earlier_release_is_kept_next_to_the_batched_ones()
    {
        var (_, delivered) = await AwardedAndDeliveredAsync("FS");
        var award = delivered.First(d => d.MessageType == "LotAwardedShare");

        // An earlier connector published one DeliveryReport per message; its retry, reported before the delivery, arrives late.
        await using (var earlier = await TestBus.StartAsync())
            await earlier.Bus.Publish(new Aankopen.Contracts.Finance.V1.DeliveryReport(award.MessageId, award.Administration, award.MessageType, "retry",
                Aankopen.Contracts.Finance.V1.DeliveryStatus.Retrying, 1, "Time-out", null, false, DateTimeOffset.UtcNow.AddHours(-1)), Ct);
        var kept = await system.EventuallyAsync(
            async () => (await system.Api.GetFromJsonAsync<DeliveryView>($"api/deliveries/{award.MessageId}", Ct))!,
            d => d.Reports.Count == 2);
        kept.Status.ShouldBe("Delivered"); // the latest report wins, not the last to arrive
        kept.Reports.Select(r => r.Status).ShouldBe(["Delivered", "Retrying"], ignoreOrder: true);
    }
}
