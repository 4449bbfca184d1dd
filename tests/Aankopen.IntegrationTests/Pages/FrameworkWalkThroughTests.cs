using Aankopen.Contracts.Api.V1;
using Aankopen.Contracts.FinanceSystem.V1;
using Microsoft.Playwright;
using Shouldly;

namespace Aankopen.IntegrationTests.Pages;

/// <summary>
/// The README's walk-through after the award, in a browser: a framework for office supplies for the city and the
/// OCMW; both councils approve the conditions, the OCMW's late (the page shows it missing and the award waits for
/// it); the cell awards it as a framework; each administration orders from the tender page and the finance simulator
/// books each order for its own administration only; the OCMW's orders reach 80 % of its share and it sees the
/// warning; the city renews, the OCMW declines; the annex lists it as a joint framework continuing, with each
/// administration's figures and a planned measure.
/// </summary>
[Collection(nameof(RunningSystem))]
public sealed class FrameworkWalkThroughTests(RunningSystem system, Browsers browsers)
{
    private Uri Site => system.Site;

    [Fact]
    public async Task Office_supplies_framework_from_the_councils_decisions_to_orders_renewal_and_the_annex()
    {
        var reference = $"KB-{Guid.NewGuid():N}"[..14].ToUpperInvariant();
        var today = Aankopen.Domain.BrusselsCalendar.DateOf(DateTimeOffset.UtcNow);
        // The cell's opening, lot and publication, and the administrations' opt-ins, as the journey test walks them in pages.
        var tender = new MealVoucherTender(system.Api);
        tender.Resume(await tender.Api.OpenTenderAsync(MealVoucherTender.Cell, MealVoucherTender.Opening(reference) with
        {
            TitleNl = "Kantoorbenodigdheden",
            TitleFr = "Fournitures de bureau",
            MainCpv = "30192000-1",
        }, ct: HttpCalls.Ct));
        await tender.Step(a => a.AddLotAsync(tender.Id, tender.ETag, MealVoucherTender.Cell,
            new LotRequest(null, "Kantoorbenodigdheden", "30192000-1", 40_000m, 21m, new ContractTermsRequest(today, 12, true, 12, 3, 90))));
        await tender.OptInAsync(1, "GEMEENTE", 30_000m, "0100/124-48");
        await tender.OptInAsync(1, "OCMW", 10_000m, "0900/124-48");
        await tender.CloseAndPublishAsync();
        var tenderUrl = new Uri(Site, $"tenders/{tender.Id}").ToString();

        // The city's council approves the conditions on time; the OCMW's is still missing, and the page says so.
        var city = await browsers.SignedInAsync(Site, TestUsers.Of("GEMEENTE"));
        await city.GotoAsync(tenderUrl);
        await JourneyPageTests.DecideAsync(city, "Conditions", "MunicipalCouncil", "GR/2026/140");
        await JourneyPageTests.DecideAsync(city, "Award", "College", "CBS/2026/901", lot: 1);
        var cell = await browsers.SignedInAsync(Site, TestUsers.Cell);
        await cell.GotoAsync(tenderUrl);
        await Expect(cell.Locator("ul.missing-decisions li").Filter(new() { HasText = "OCMW" }).First).ToContainTextAsync("Deelname en voorwaarden (Ontbreekt)");
        await AwardAsFrameworkAsync(cell);
        await Expect(cell.Locator("p.summary-error")).ToContainTextAsync("OCMW Jette");
        (await cell.InputValueAsync("#award-1-agreement")).ShouldBe("Framework");

        // The OCMW's council decides late; then the framework is awarded.
        var ocmw = await browsers.SignedInAsync(Site, TestUsers.Of("OCMW"));
        await ocmw.GotoAsync(tenderUrl);
        await JourneyPageTests.DecideAsync(ocmw, "Conditions", "SocialWelfareCouncil", "RMW/2026/77");
        await JourneyPageTests.DecideAsync(ocmw, "Award", "StandingBureau", "VB/2026/301", lot: 1);
        await cell.GotoAsync(tenderUrl);
        await AwardAsFrameworkAsync(cell);
        await Expect(cell.Locator(".notice")).ToContainTextAsync("Perceel 1 gegund");
        await Expect(cell.Locator("table.consumption tbody tr")).ToHaveCountAsync(2);

        // Each administration orders from the tender page; the OCMW reaches 80 % of its share of 10,000 and is warned.
        await city.GotoAsync(tenderUrl);
        await OrderAsync(city, "BB-GEM-001", "5.000,00");
        await ocmw.GotoAsync(tenderUrl);
        await OrderAsync(ocmw, "BB-OCMW-001", "6.000,00");
        await Expect(ocmw.Locator("p.warning").Filter(new() { HasText = "bereiken" })).ToHaveCountAsync(0);
        await OrderAsync(ocmw, "BB-OCMW-002", "2.000,00");
        await Expect(ocmw.Locator("p.warning").Filter(new() { HasText = "bereiken" })).ToContainTextAsync("80 %");
        await Expect(ocmw.Locator("table.consumption tbody tr")).ToHaveCountAsync(1); // its own only
        await Expect(ocmw.Locator("table.orders")).Not.ToContainTextAsync("BB-GEM-001");
        // Beyond its share the OCMW is refused, and what it typed stays.
        await ocmw.FillAsync("#order-1-reference", "BB-OCMW-003");
        await ocmw.FillAsync("#order-1-amountExclVat", "2.000,01");
        await ocmw.GetByRole(AriaRole.Button, new() { Name = "Bestelling registreren" }).ClickAsync();
        await Expect(ocmw.Locator("p.summary-error")).ToContainTextAsync("boven zijn aandeel");
        (await ocmw.InputValueAsync("#order-1-reference")).ShouldBe("BB-OCMW-003");
        await Screens.TakeAsync(ocmw, "framework-orders");

        // Each finance system books its own orders, and only those.
        var cityBooked = await system.EventuallyAsync(() => BookedAsync("GEMEENTE", reference), b => b.Count == 1);
        var ocmwBooked = await system.EventuallyAsync(() => BookedAsync("OCMW", reference), b => b.Count == 2);
        cityBooked.ShouldAllBe(b => b.Kind == CommitmentKind.Order && b.AdministrationCode == "GEMEENTE" && b.AmountInclVat == 6_050m);
        ocmwBooked.Select(b => b.OrderReference).ShouldBe(["BB-OCMW-001", "BB-OCMW-002"], ignoreOrder: true);
        ocmwBooked.ShouldAllBe(b => b.BudgetLine == "0900/124-48");

        // The OCMW's own page shows what it ordered against its share.
        await ocmw.GotoAsync(new Uri(Site, "administrations/OCMW").ToString());
        var consumption = ocmw.Locator("table.participations tbody tr").Filter(new() { HasText = reference }).Locator("td.warns");
        for (var i = 0; i < 50 && await consumption.CountAsync() == 0; i++)
        {
            await Task.Delay(200, HttpCalls.Ct);
            await ocmw.ReloadAsync();
        }
        await Expect(consumption).ToContainTextAsync("(80 %)");

        // The city's college decides to renew, the OCMW declines for itself, and the cell renews for the city.
        await city.GotoAsync(tenderUrl);
        await JourneyPageTests.DecideAsync(city, "Renewal", "College", "CBS/2026/990", lot: 1, renewal: 1);
        await ocmw.GotoAsync(tenderUrl);
        await ocmw.GetByRole(AriaRole.Button, new() { Name = "Verlenging 1 weigeren" }).ClickAsync();
        await Expect(ocmw.Locator(".notice")).ToContainTextAsync("weigert de volgende verlenging");
        await cell.GotoAsync(tenderUrl);
        await Expect(cell.Locator("#lot-1 ~ p").Filter(new() { HasText = "weigert de volgende verlenging" })).ToContainTextAsync("OCMW");
        await cell.GetByRole(AriaRole.Button, new() { Name = "Perceel 1 nu verlengen" }).ClickAsync();
        await Expect(cell.Locator(".notice")).ToContainTextAsync("Perceel 1 is verlengd");
        await Expect(cell.Locator("table.consumption tbody tr")).ToHaveCountAsync(1);
        await Expect(cell.Locator("table.consumption tbody tr")).ToContainTextAsync("GEMEENTE");
        // Renewed ahead of time, the current period still runs to its end: the OCMW, which declined, still orders in it.
        await ocmw.GotoAsync(tenderUrl);
        await OrderAsync(ocmw, "BB-OCMW-003", "1.000,00");

        // The annex of this year: a joint framework, each administration's orders, and a measure planned for next year.
        await cell.GotoAsync(new Uri(Site, $"reports?year={today.Year}").ToString());
        var measure = $"Raamovereenkomst papier {reference}";
        await cell.FillAsync("#measure-domainNl", "Kantoor");
        await cell.FillAsync("#measure-domainFr", "Bureau");
        await cell.FillAsync("#measure-textNl", measure);
        await cell.FillAsync("#measure-textFr", $"Accord-cadre papier {reference}");
        await cell.GetByRole(AriaRole.Button, new() { Name = "Maatregel plannen" }).ClickAsync();
        await Expect(cell.Locator(".notice")).ToContainTextAsync("Maatregel gepland");
        var annex = cell.Locator("article.report");
        await Expect(annex.Locator("li").Filter(new() { HasText = $"({reference})" })).ToContainTextAsync("Gezamenlijke raamovereenkomst voor Kantoorbenodigdheden");
        await Expect(annex.Locator("li").Filter(new() { HasText = measure })).ToContainTextAsync("Kantoor: ");
        var figures = annex.Locator("table").Filter(new() { HasText = "raamovereenkomsten" });
        // The year's figures count every joint tender (other tests' too): the OCMW's orders here are 9,000 of them.
        var ordered = await figures.Locator("tr").Filter(new() { HasText = "OCMW Jette" }).Locator("td").Nth(3).TextContentAsync();
        decimal.Parse(ordered!.Replace("€", "").Trim(), System.Globalization.CultureInfo.GetCultureInfo("nl-BE")).ShouldBeGreaterThanOrEqualTo(9_000m);
        // And the next year's, in which its renewal period starts: it continues, for the city.
        await cell.GotoAsync(new Uri(Site, $"reports?year={today.Year + 1}").ToString());
        await Expect(cell.Locator("article.report li").Filter(new() { HasText = $"({reference})" }))
            .ToContainTextAsync("Verderzetting van de gezamenlijke raamovereenkomst voor Kantoorbenodigdheden");
        await Screens.TakeAsync(cell, "annex-framework");
        foreach (var page in new[] { cell, city, ocmw })
            await page.Context.CloseAsync();
    }

    private static async Task AwardAsFrameworkAsync(IPage cell)
    {
        await cell.SelectOptionAsync("#award-1-agreement", "Framework");
        await cell.FillAsync("#award-1-supplierName", "Kantoor & Co NV");
        await cell.FillAsync("#award-1-supplierId", "0403.170.701");
        await cell.FillAsync("#award-1-awardedAmountExclVat", "40.000,00");
        await cell.GetByRole(AriaRole.Button, new() { Name = "Perceel 1 gunnen" }).ClickAsync();
    }

    private static async Task OrderAsync(IPage page, string reference, string amount)
    {
        await page.FillAsync("#order-1-reference", reference);
        await page.FillAsync("#order-1-amountExclVat", amount);
        await page.GetByRole(AriaRole.Button, new() { Name = "Bestelling registreren" }).ClickAsync();
        await Expect(page.Locator(".notice")).ToContainTextAsync($"Bestelling {reference} geregistreerd");
        await Expect(page.Locator("table.orders")).ToContainTextAsync(reference);
    }

    private async Task<IReadOnlyList<CommitmentRequest>> BookedAsync(string administration, string reference) =>
        (await system.BookingsAsync(administration)).Where(b => b.Request.TenderReference == reference).Select(b => b.Request).ToArray();

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
