using System.Net;
using Aankopen.Contracts.Api.V1;
using Aankopen.Worker.Schedules;
using Microsoft.Extensions.Time.Testing;
using Shouldly;
using static Aankopen.IntegrationTests.HttpCalls;

namespace Aankopen.IntegrationTests;

/// <summary>The renewal scheduler on a clock the test moves, through the real event store, broker and connectors.</summary>
[Collection(nameof(RunningSystem))]
public sealed class RenewalSchedulerTests(RunningSystem system)
{
    [Fact]
    public async Task Renewals_are_recorded_on_time_caught_up_after_downtime_once_and_heard_by_the_right_finance_system()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var (_, http, services) = await system.StartDeploymentAsync(await system.CreateDatabaseAsync(),
            s => s.AddSingleton<TimeProvider>(clock));
        var scheduler = services.GetRequiredService<RenewalScheduler>();
        var tender = new MealVoucherTender(http);
        var reference = $"RN-{Guid.NewGuid():N}"[..20];
        // Awarded for 2027 (one year, renewable three times by a year, 90 days' notice): 75,000.01 city, 25,000.00 OCMW.
        await tender.AwardedDemoAsync(reference);

        // A lead time (30 days) before the notice deadline (2 October): renewal 1 is due. Two runs racing record it once.
        clock.SetUtcNow(new DateTimeOffset(2027, 9, 2, 8, 0, 0, TimeSpan.Zero));
        await Task.WhenAll(scheduler.RunOnceAsync(Ct), scheduler.RunOnceAsync(Ct), scheduler.RunOnceAsync(Ct));
        var calendar = (await http.GetFromJsonAsync<RenewalCalendarEntryView[]>("api/renewals?from=2027-09-01&to=2027-12-31&administration=OCMW", Ct))!;
        calendar.ShouldContain(e => e.TenderId == tender.Id && e.NoticeDeadline == new DateOnly(2027, 10, 2) && e.NextRenewal == 1);

        // The OCMW declines for itself before the deadline; after it, the purchasing cell can no longer give notice not to renew.
        var current = await tender.Api.GetTenderAsync(tender.Id, Ct);
        tender.Resume(current);
        await tender.Step(a => a.DeclineRenewalAsync(tender.Id, 1, "OCMW", tender.ETag, "ocmw@jette.example", Ct));
        clock.SetUtcNow(new DateTimeOffset(2027, 10, 3, 8, 0, 0, TimeSpan.Zero));
        var late = await http.SendAsync(Write(HttpMethod.Post, $"api/tenders/{tender.Id}/lots/1/non-renewal", new ReasonRequest("Te laat"), tender.ETag), Ct);
        (await ProblemAsync(late, HttpStatusCode.Conflict)).GetProperty("detail").GetString()!.ShouldContain("2 oktober 2027");

        // The service was down from October 2027 until 5 January 2029: one run catches up, in order.
        clock.SetUtcNow(new DateTimeOffset(2029, 1, 5, 8, 0, 0, TimeSpan.Zero));
        await scheduler.RunOnceAsync(Ct);
        await scheduler.RunOnceAsync(Ct);
        var history = (await tender.Api.GetHistoryAsync(tender.Id, Ct)).Content!;
        history.Select(h => h.Event).SkipWhile(e => e != "LotAwarded").ShouldBe(
            ["LotAwarded", "RenewalBecameDue", "RenewalDeclined", "LotRenewed", "RenewalBecameDue", "LotRenewed"]);

        var city = await system.EventuallyAsync(() => Task.FromResult(system.Ledgers.For("GEMEENTE").Commitments.All
            .Where(c => c.Request.TenderReference == reference).ToArray()), c => c.Length >= 3);
        city.Select(c => (c.Request.Kind.ToString(), c.Request.PeriodStart, c.Request.AmountExclVat)).ShouldBe(
        [
            ("Award", new DateOnly(2027, 1, 1), 75_000.01m),
            ("Renewal", new DateOnly(2028, 1, 1), 75_000.01m),
            ("Renewal", new DateOnly(2029, 1, 1), 75_000.01m),
        ]);
        var ocmw = system.Ledgers.For("OCMW");
        await system.EventuallyAsync(() => Task.FromResult(ocmw.Releases.All.Count(r => r.Request.TenderReference == reference)), n => n == 1);
        await Task.Delay(TimeSpan.FromSeconds(1), Ct);
        ocmw.Commitments.All.Where(c => c.Request.TenderReference == reference).ShouldHaveSingleItem().Request.Kind.ToString().ShouldBe("Award");
        ocmw.Releases.All.Single(r => r.Request.TenderReference == reference).Request.ShouldSatisfyAllConditions(
            r => r.Reason.ShouldBe("LotEnded"), r => r.EffectiveOn.ShouldBe(new DateOnly(2027, 12, 31)));
        ocmw.Reservations.All.Count(r => r.Request.TenderReference == reference && r.Request.Change == "RenewalDue").ShouldBe(1);
        system.Ledgers.For("GEMEENTE").Reservations.All.Count(r => r.Request.TenderReference == reference && r.Request.Change == "RenewalDue").ShouldBe(2);
    }

    [Fact]
    public async Task The_purchasing_cell_renews_ahead_and_the_lot_shows_its_new_period()
    {
        var tender = new MealVoucherTender(system.Api);
        await tender.AwardedDemoAsync($"RA-{Guid.NewGuid():N}"[..20]);

        var renewed = await tender.Step(a => a.RenewLotAsync(tender.Id, 1, tender.ETag, MealVoucherTender.Cell, Ct));

        var running = renewed.Lots.Single(l => l.Number == 1).Running.ShouldNotBeNull();
        running.ShouldSatisfyAllConditions(r => r.Renewals.ShouldBe(1), r => r.PeriodStart.ShouldBe(new DateOnly(2028, 1, 1)),
            r => r.PeriodEnd.ShouldBe(new DateOnly(2028, 12, 31)), r => r.NextRenewal.ShouldBe(2), r => r.NoticeDeadline.ShouldBe(new DateOnly(2028, 10, 2)),
            r => r.Shares.Sum(s => s.AmountExclVat).ShouldBe(100_000.01m));
        // The calendar shows the new period's notice deadline and end, for those sharing it, and nothing of the old one.
        async Task<RenewalCalendarEntryView[]> InCalendarAsync(string window) =>
            [.. (await system.Api.GetFromJsonAsync<RenewalCalendarEntryView[]>($"api/renewals?{window}", Ct))!.Where(e => e.TenderId == tender.Id)];
        (await InCalendarAsync("from=2028-10-01&to=2028-10-31&administration=OCMW")).ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            e => e.LotNumber.ShouldBe(1), e => e.NoticeDeadline.ShouldBe(new DateOnly(2028, 10, 2)), e => e.FirstDate.ShouldBe(new DateOnly(2028, 10, 2)),
            e => e.NextRenewal.ShouldBe(2), e => e.Renewals.ShouldBe(1), e => e.Administrations.ShouldBe(["GEMEENTE", "OCMW"], ignoreOrder: true));
        (await InCalendarAsync("from=2028-12-31&to=2029-01-15")).ShouldHaveSingleItem().PeriodEnd.ShouldBe(new DateOnly(2028, 12, 31));
        (await InCalendarAsync("from=2028-10-03&to=2028-12-30")).ShouldBeEmpty();
        (await InCalendarAsync("from=2027-09-01&to=2027-12-31")).ShouldBeEmpty();
        (await InCalendarAsync("from=2028-10-01&to=2028-10-31&administration=POLITIE")).ShouldBeEmpty();

        var notParticipant = await system.Api.SendAsync(Write(HttpMethod.Post, $"api/tenders/{tender.Id}/lots/1/renewal/declines/POLITIE", null, tender.ETag), Ct);
        // Someone of an administration the tender does not invite does not learn that it exists.
        (await CodeOfAsync(notParticipant, HttpStatusCode.NotFound)).ShouldBe("tender-not-found");
        var notAwarded = await system.Api.SendAsync(Write(HttpMethod.Post, $"api/tenders/{tender.Id}/lots/2/renewal", null, tender.ETag), Ct);
        (await CodeOfAsync(notAwarded, HttpStatusCode.Conflict)).ShouldBe("lot-not-running");
        var badWindow = await system.Api.GetAsync("api/renewals?from=2028-01-01&to=2027-01-01", Ct);
        (await CodeOfAsync(badWindow, HttpStatusCode.UnprocessableEntity)).ShouldBe("window-invalid");
    }
}
