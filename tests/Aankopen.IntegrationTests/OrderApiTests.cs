using System.Net;
using Aankopen.Contracts.Api.V1;
using Aankopen.Contracts.FinanceSystem.V1;
using Aankopen.FinanceSimulator;
using Shouldly;
using static Aankopen.IntegrationTests.HttpCalls;

namespace Aankopen.IntegrationTests;

/// <summary>
/// A framework agreement through the API, the worker, the broker and the connectors to the simulated finance systems:
/// the award announces ceilings, each order is committed in its own administration's books only.
/// </summary>
[Collection(nameof(RunningSystem))]
public sealed class OrderApiTests(RunningSystem system)
{
    private async Task<(MealVoucherTender Tender, string Reference)> FrameworkAsync()
    {
        var tender = new MealVoucherTender(system.Api);
        var reference = $"RO-{Guid.NewGuid():N}"[..20];
        await tender.PublishedDemoAsync(reference);
        // The demo's opt-ins (90,000 and 30,000) split 100,000 as 75,000 for the city and 25,000 for the OCMW.
        await tender.AwardFrameworkAsync(1, 100_000m);
        return (tender, reference);
    }

    private async Task<IReadOnlyList<T>> OfTenderAsync<T>(string system_, string journal, Func<T, string> reference, string wanted) =>
        (await system.Simulator.GetFromJsonAsync<List<Entry<T>>>($"systems/{system_}/{journal}", RunningSystem.SimulatorJson, Ct))!
            .Select(e => e.Request).Where(r => reference(r) == wanted).ToArray();

    [Fact]
    public async Task Orders_are_each_administrations_own_commitments_with_a_warning_at_80_percent_and_a_refusal_beyond_the_share()
    {
        var (tender, reference) = await FrameworkAsync();

        // The award books nothing: each finance system records its ceiling.
        var cityCeiling = await system.EventuallyAsync(() => OfTenderAsync<FrameworkRequest>("GEMEENTE", "frameworks", r => r.TenderReference, reference), f => f.Count == 1);
        var ocmwCeiling = await system.EventuallyAsync(() => OfTenderAsync<FrameworkRequest>("OCMW", "frameworks", r => r.TenderReference, reference), f => f.Count == 1);
        cityCeiling[0].AmountExclVat.ShouldBe(75_000m);
        ocmwCeiling[0].ShouldSatisfyAllConditions(f => f.AmountExclVat.ShouldBe(25_000m), f => f.BudgetLine.ShouldBe("0900/123-48"), f => f.Renewal.ShouldBe(0));

        await tender.OrderAsync(1, "OCMW", 15_000m, "BB-OCMW-1");
        var at80 = await tender.OrderAsync(1, "OCMW", 5_000m, "BB-OCMW-2");
        var ocmw = at80.Lots[0].Consumption.ShouldNotBeNull().Single(c => c.Administration == "OCMW");
        ocmw.ShouldSatisfyAllConditions(c => c.Percent.ShouldBe(80), c => c.Warning.ShouldBeTrue(), c => c.WarningPercent.ShouldBe(80),
            c => c.RemainingExclVat.ShouldBe(5_000m), c => c.Orders.ShouldBe(2));
        // The OCMW's own answer holds only its own consumption; the cell sees the city's too, far from the warning.
        at80.Lots[0].Consumption!.ShouldHaveSingleItem();
        (await system.Api.AsAsync<TenderView>(TestUsers.Cell, HttpMethod.Get, $"api/tenders/{tender.Id}")).Lots[0].Consumption!
            .Single(c => c.Administration == "GEMEENTE").ShouldSatisfyAllConditions(c => c.Warning.ShouldBeFalse(), c => c.Percent.ShouldBe(0));

        var ocmwOrders = await system.EventuallyAsync(() => OfTenderAsync<CommitmentRequest>("OCMW", "commitments", r => r.TenderReference, reference), c => c.Count == 2);
        ocmwOrders.ShouldAllBe(c => c.Kind == CommitmentKind.Order && c.AdministrationCode == "OCMW" && c.BudgetLine == "0900/123-48");
        ocmwOrders.Select(c => c.OrderReference).ShouldBe(["BB-OCMW-1", "BB-OCMW-2"], ignoreOrder: true);
        ocmwOrders.Sum(c => c.AmountExclVat).ShouldBe(20_000m);
        await Task.Delay(TimeSpan.FromSeconds(1), Ct);
        (await OfTenderAsync<CommitmentRequest>("GEMEENTE", "commitments", r => r.TenderReference, reference)).ShouldBeEmpty();
        system.Ledgers.For("GEMEENTE").Rejections.ShouldBeEmpty();

        // One cent beyond the share is refused, and nothing is written.
        var path = $"api/tenders/{tender.Id}/lots/1/orders/OCMW";
        var beyond = await system.Api.SendAsync(Write(HttpMethod.Post, path, new PlaceOrderRequest(Today, "BB-OCMW-3", 5_000.01m), tender.ETag), Ct);
        (await CodeOfAsync(beyond, HttpStatusCode.Conflict)).ShouldBe("order-beyond-share");
        (await tender.Api.GetTenderAsync(tender.Id, Ct)).Content!.Version.ToString().ShouldBe(tender.ETag.Trim('"'));

        // The cell raises the OCMW's share with a reason; then the order fits.
        await tender.Step(api => api.RaiseShareCeilingAsync(tender.Id, 1, "OCMW", tender.ETag, MealVoucherTender.Cell,
            new RaiseShareRequest(1_000m, "Extra opvangcentrum"), Ct));
        var raised = await tender.OrderAsync(1, "OCMW", 5_000.01m, "BB-OCMW-3");
        raised.Lots[0].Consumption!.Single(c => c.Administration == "OCMW").ShouldSatisfyAllConditions(
            c => c.CeilingExclVat.ShouldBe(26_000m), c => c.RaisedExclVat.ShouldBe(1_000m), c => c.OrderedExclVat.ShouldBe(25_000.01m));
    }

    [Fact]
    public async Task Only_the_administration_orders_for_itself_only_the_cell_raises_and_each_sees_only_its_own_orders()
    {
        var (tender, _) = await FrameworkAsync();
        await tender.OrderAsync(1, "OCMW", 100m, "BB-1");
        var path = $"api/tenders/{tender.Id}/lots/1";

        var cityForOcmw = await system.Api.SendAsync(Write(HttpMethod.Post, $"{path}/orders/OCMW", new PlaceOrderRequest(Today, "BB-2", 10m), tender.ETag,
            actor: TestUsers.Of("GEMEENTE")), Ct);
        cityForOcmw.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var ocmwRaises = await system.Api.SendAsync(Write(HttpMethod.Post, $"{path}/ceilings/OCMW", new RaiseShareRequest(10m, "Zelf"), tender.ETag,
            actor: TestUsers.Of("OCMW")), Ct);
        ocmwRaises.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var auditorOrders = await system.Api.SendAsync(Write(HttpMethod.Post, $"{path}/orders/OCMW", new PlaceOrderRequest(Today, "BB-3", 10m), tender.ETag,
            actor: TestUsers.Auditor), Ct);
        auditorOrders.StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var asCity = await system.Api.AsAsync<TenderView>(TestUsers.Of("GEMEENTE"), HttpMethod.Get, $"api/tenders/{tender.Id}");
        asCity.Lots[0].Orders.ShouldNotBeNull().ShouldBeEmpty();
        asCity.Lots[0].Consumption.ShouldNotBeNull().Select(c => c.Administration).ShouldBe(["GEMEENTE"]);
        var asOcmw = await system.Api.AsAsync<TenderView>(TestUsers.Of("OCMW"), HttpMethod.Get, $"api/tenders/{tender.Id}");
        asOcmw.Lots[0].Orders.ShouldNotBeNull().ShouldHaveSingleItem().Reference.ShouldBe("BB-1");
        var asAuditor = await system.Api.AsAsync<TenderView>(TestUsers.Auditor, HttpMethod.Get, $"api/tenders/{tender.Id}");
        asAuditor.Lots[0].Consumption!.Count.ShouldBe(2);

        // The administration's page and the renewal calendar show what it ordered against its share.
        var year = await system.EventuallyAsync(
            () => system.Api.AsAsync<AdministrationYearView>(TestUsers.Of("OCMW"), HttpMethod.Get, $"api/administrations/OCMW/participations"),
            y => y.Participations.Any(p => p.TenderId == tender.Id && p.Lots.Any(l => l.Consumption?.OrderedExclVat == 100m)));
        year.Participations.Single(p => p.TenderId == tender.Id).Lots.Single(l => l.LotNumber == 1).Consumption!.CeilingExclVat.ShouldBe(25_000m);
        var calendar = await system.Api.AsAsync<RenewalCalendarEntryView[]>(TestUsers.Of("OCMW"), HttpMethod.Get,
            $"api/renewals?from={Today:yyyy-MM-dd}&to={Today.AddMonths(13):yyyy-MM-dd}");
        calendar.Single(e => e.TenderId == tender.Id).Consumption.ShouldNotBeNull().ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            c => c.Administration.ShouldBe("OCMW"), c => c.OrderedExclVat.ShouldBe(100m));

        // The annex shows each administration's awarded share to all, but what it ordered only to itself (and the cell).
        var cityReport = await system.Api.AsAsync<SynergyReportView>(TestUsers.Of("GEMEENTE"), HttpMethod.Get, $"api/reports/synergies/{Today.Year}");
        cityReport.PerAdministration.Single(a => a.Administration == "OCMW").OrderedExclVat.ShouldBeNull();
        cityReport.PerAdministration.Single(a => a.Administration == "GEMEENTE").OrderedExclVat.ShouldNotBeNull();
        (await system.Api.AsAsync<SynergyReportView>(TestUsers.Of("OCMW"), HttpMethod.Get, $"api/reports/synergies/{Today.Year}"))
            .PerAdministration.Single(a => a.Administration == "OCMW").OrderedExclVat.ShouldNotBeNull().ShouldBeGreaterThanOrEqualTo(100m);
        (await system.Api.AsAsync<SynergyReportView>(TestUsers.Cell, HttpMethod.Get, $"api/reports/synergies/{Today.Year}"))
            .PerAdministration.ShouldAllBe(a => a.OrderedExclVat != null);

        // Every order is in the history with who placed it.
        var history = await system.Api.AsAsync<HistoryEntryView[]>(TestUsers.Auditor, HttpMethod.Get, $"api/tenders/{tender.Id}/history");
        history.Single(h => h.Event == "OrderRecorded").By.ShouldBe(TestUsers.Of("OCMW"));
    }

    [Fact]
    public async Task Bad_orders_and_orders_on_a_fixed_contract_are_refused_with_what_to_fix()
    {
        var (tender, _) = await FrameworkAsync();
        var path = $"api/tenders/{tender.Id}/lots/1/orders/OCMW";

        var bad = await system.Api.SendAsync(Write(HttpMethod.Post, path, new PlaceOrderRequest(Today.AddDays(2), " ", -1m, 5m), tender.ETag), Ct);
        var problem = await ProblemAsync(bad, HttpStatusCode.UnprocessableEntity);
        problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).ShouldBe(["orderedOn", "reference", "amountExclVat"], ignoreOrder: true);
        var inclVat = await system.Api.SendAsync(Write(HttpMethod.Post, path, new PlaceOrderRequest(Today, "BB-9", 100m, 99m), tender.ETag), Ct);
        (await CodeOfAsync(inclVat, HttpStatusCode.UnprocessableEntity)).ShouldBe("order-incl-vat-invalid");
        var unknown = await system.Api.SendAsync(Write(HttpMethod.Post, $"api/tenders/{tender.Id}/lots/1/orders/NOPE", new PlaceOrderRequest(Today, "BB-9", 1m),
            tender.ETag, actor: TestUsers.Cell), Ct);
        unknown.StatusCode.ShouldBeOneOf(HttpStatusCode.NotFound, HttpStatusCode.Forbidden);
        var lot2 = await system.Api.SendAsync(Write(HttpMethod.Post, $"api/tenders/{tender.Id}/lots/2/orders/OCMW", new PlaceOrderRequest(Today, "BB-9", 1m),
            tender.ETag), Ct);
        (await CodeOfAsync(lot2, HttpStatusCode.Conflict)).ShouldBe("order-lot-not-running");
        var badKind = await system.Api.SendAsync(Write(HttpMethod.Post, $"api/tenders/{tender.Id}/lots/2/award",
            new AwardLotRequest("X NV", MealVoucherTender.SupplierNumber, 10m, Today, Today.AddYears(1).AddDays(-1), Agreement: "Raam"), tender.ETag), Ct);
        (await CodeOfAsync(badKind, HttpStatusCode.UnprocessableEntity)).ShouldBe("agreement-invalid");

        var fixedTender = new MealVoucherTender(system.Api);
        await fixedTender.AwardedDemoAsync($"VO-{Guid.NewGuid():N}"[..20]);
        var onFixed = await system.Api.SendAsync(Write(HttpMethod.Post, $"api/tenders/{fixedTender.Id}/lots/1/orders/OCMW", new PlaceOrderRequest(Today, "BB-1", 1m),
            fixedTender.ETag), Ct);
        (await CodeOfAsync(onFixed, HttpStatusCode.Conflict)).ShouldBe("order-not-framework");
    }

    private static DateOnly Today => Aankopen.Domain.BrusselsCalendar.DateOf(DateTimeOffset.UtcNow);
}
