using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Shouldly;

namespace Aankopen.IntegrationTests.Pages;

/// <summary>
/// The main journey as people walk it in a browser: the purchasing cell opens a tender with lots, the city and the
/// OCMW each opt in from their own page (the OCMW first forgets its budget line and is told so at the field), the
/// cell closes, publishes and awards, and the shares and the history show the right figures, in Dutch and French.
/// </summary>
[Collection(nameof(RunningSystem))]
public sealed class JourneyPageTests(RunningSystem system, Browsers browsers)
{
    private Uri Site => system.Site;

    [Fact]
    public async Task Cell_opens_administrations_opt_in_from_their_own_page_cell_awards_and_everyone_sees_the_right_shares()
    {
        var reference = $"WB-{Guid.NewGuid():N}"[..14].ToUpperInvariant();

        // The purchasing cell opens the tender as a draft and adds two lots.
        var cell = await browsers.SignedInAsync(Site, TestUsers.Cell);
        await cell.GotoAsync(new Uri(Site, "tenders/new").ToString());
        await Screens.TakeAsync(cell, "tender-new");
        // The CPV code is found by words, here French ones on the Dutch page, and filled in from the result.
        await cell.FillAsync("#cpvsearch-q", "chèques-repas");
        await cell.GetByRole(AriaRole.Button, new() { Name = "Zoeken" }).ClickAsync();
        await Expect(cell.Locator("ul.cpv-found li").Filter(new() { HasText = "30199770-8" })).ToContainTextAsync("Maaltijdcheques");
        await cell.GetByRole(AriaRole.Link, new() { Name = "30199770-8" }).ClickAsync();
        (await cell.InputValueAsync("#open-mainCpv")).ShouldBe("30199770-8");
        await cell.FillAsync("#open-reference", reference);
        await cell.FillAsync("#open-titleNl", "Maaltijdcheques 2027");
        await cell.FillAsync("#open-titleFr", "Chèques-repas 2027");
        await cell.GetByRole(AriaRole.Button, new() { Name = "Opdracht openen" }).ClickAsync();
        await Expect(cell.Locator(".notice")).ToContainTextAsync("Voeg nu de percelen toe");
        var tenderUrl = cell.Url;
        await AddLotAsync(cell, "Maaltijdcheques", "500.000,00");
        // A lot's own code, found by the digits it starts with.
        await cell.FillAsync("#cpvsearch-q", "3019977");
        await cell.GetByRole(AriaRole.Button, new() { Name = "Zoeken" }).ClickAsync();
        await cell.GetByRole(AriaRole.Link, new() { Name = "30199770-8" }).ClickAsync();
        (await cell.InputValueAsync("#addlot-cpv")).ShouldBe("30199770-8");
        await AddLotAsync(cell, "Ecocheques", "20.000,00");
        await cell.GetByRole(AriaRole.Button, new() { Name = "Openen voor deelname" }).ClickAsync();
        await Expect(cell.Locator("h1 .status")).ToHaveTextAsync("Open voor deelname");

        // The city opts into lot 1 from its own page.
        var city = await browsers.SignedInAsync(Site, TestUsers.Of("GEMEENTE"));
        await city.GotoAsync(new Uri(Site, "administrations/GEMEENTE").ToString());
        var cityLot = OptInForm(city, reference, 1);
        await cityLot.Locator("input[name=estimatedAmountExclVat]").FillAsync("90.000,00");
        await cityLot.Locator("input[name=budgetLine]").FillAsync("0100/123-48");
        await cityLot.GetByRole(AriaRole.Button, new() { Name = "Deelnemen" }).ClickAsync();
        await Expect(city.Locator(".notice")).ToContainTextAsync("Deelname aan perceel 1 bewaard");

        // The OCMW, on a tablet, forgets its budget line: the refusal shows at that field, and nothing is recorded.
        var ocmw = await browsers.SignedInAsync(Site, TestUsers.Of("OCMW"), tablet: true);
        await ocmw.GotoAsync(new Uri(Site, "administrations/OCMW").ToString());
        var ocmwLot = OptInForm(ocmw, reference, 1);
        await ocmwLot.Locator("input[name=estimatedAmountExclVat]").FillAsync("30.000,00");
        await ocmwLot.GetByRole(AriaRole.Button, new() { Name = "Deelnemen" }).ClickAsync();
        ocmwLot = OptInForm(ocmw, reference, 1);
        var budgetLine = ocmwLot.Locator("input[name=budgetLine]");
        await Expect(budgetLine).ToHaveAttributeAsync("aria-invalid", "true");
        var error = ocmw.Locator($"#{await budgetLine.GetAttributeAsync("id")}-error");
        await Expect(error).ToBeVisibleAsync();
        (await error.TextContentAsync()).ShouldNotBeNullOrWhiteSpace();
        (await ocmwLot.Locator("input[name=estimatedAmountExclVat]").InputValueAsync()).ShouldBe("30.000,00"); // what was typed stays
        await Screens.TakeAsync(ocmw, "administration-field-error");
        await budgetLine.FillAsync("0900/123-48");
        await ocmwLot.GetByRole(AriaRole.Button, new() { Name = "Deelnemen" }).ClickAsync();
        await Expect(ocmw.Locator(".notice")).ToContainTextAsync("Deelname aan perceel 1 bewaard");

        // The cell closes, publishes and awards lot 1.
        await cell.GotoAsync(tenderUrl);
        await cell.GetByRole(AriaRole.Button, new() { Name = "Deelname afsluiten" }).ClickAsync();
        await cell.FillAsync("#publish-publicationReference", "BDA 2027-500123");
        await cell.GetByRole(AriaRole.Button, new() { Name = "Bekendmaking vastleggen" }).ClickAsync();
        await Expect(cell.Locator("h1 .status")).ToHaveTextAsync("Bekendgemaakt");
        await Expect(cell.Locator("ul.missing-decisions")).ToContainTextAsync("Deelname en voorwaarden (Ontbreekt)");

        // Each administration records its own council's decisions on the tender page; the OCMW's award decision comes later.
        await city.GotoAsync(tenderUrl);
        await DecideAsync(city, "Conditions", "MunicipalCouncil", "GR/2026/101");
        await DecideAsync(city, "Award", "College", "CBS/2026/880", lot: 1);
        await ocmw.GotoAsync(tenderUrl);
        await DecideAsync(ocmw, "Conditions", "SocialWelfareCouncil", "RMW/2026/57");
        await Expect(ocmw.Locator("table.decisions tbody tr")).ToHaveCountAsync(3);
        await cell.GotoAsync(tenderUrl);
        await cell.FillAsync("#award-1-supplierName", "Cheques & Co NV");
        await cell.FillAsync("#award-1-supplierId", "0403.170.701");
        await cell.FillAsync("#award-1-awardedAmountExclVat", "100.000,01");
        // A contract longer than the lot's first period of twelve months: the reason is asked at its field.
        var endOfFirstPeriod = await cell.InputValueAsync("#award-1-contractEnd");
        await cell.FillAsync("#award-1-contractEnd", DateOnly.Parse(endOfFirstPeriod).AddMonths(6).ToString("yyyy-MM-dd"));
        await cell.GetByRole(AriaRole.Button, new() { Name = "Perceel 1 gunnen" }).ClickAsync();
        await Expect(cell.Locator("#award-1-periodDifferenceReason-error")).ToContainTextAsync("afwijkt van de eerste periode van perceel 1 (12 maanden)");
        await cell.FillAsync("#award-1-contractEnd", endOfFirstPeriod);
        await cell.GetByRole(AriaRole.Button, new() { Name = "Perceel 1 gunnen" }).ClickAsync();
        await Expect(cell.Locator(".notice")).ToContainTextAsync("Perceel 1 gegund");
        await Expect(cell.Locator("p.warning").Filter(new() { HasText = "gunningsbesluit" })).ToContainTextAsync("OCMW");
        await ocmw.GotoAsync(tenderUrl);
        await DecideAsync(ocmw, "Award", "StandingBureau", "VB/2026/233", lot: 1);
        await Expect(ocmw.Locator("#decisions ~ p").Filter(new() { HasText = "Alle nodige besluiten" })).ToHaveCountAsync(1);
        await ocmw.GotoAsync(new Uri(Site, "administrations/OCMW").ToString());
        await cell.GotoAsync(tenderUrl);

        // Shares to the cent, each on its own budget line, and the history says who did what.
        var shares = cell.Locator("#lot-1 ~ .table-wrap table.shares").First;
        await Expect(shares.Locator("tbody tr").Filter(new() { HasText = "GEMEENTE" })).ToContainTextAsync("75.000,01");
        await Expect(shares.Locator("tbody tr").Filter(new() { HasText = "OCMW" })).ToContainTextAsync("25.000,00");
        await Expect(shares.Locator("tbody tr").Filter(new() { HasText = "OCMW" })).ToContainTextAsync("0900/123-48");
        await Expect(shares.Locator("tfoot")).ToContainTextAsync("100.000,01");
        await Expect(cell.Locator("table.history")).ToContainTextAsync("Perceel gegund");
        await Expect(cell.Locator("table.history tr").Filter(new() { HasText = "Perceel gegund" })).ToContainTextAsync(TestUsers.Cell);
        var optIns = cell.Locator("table.history tr").Filter(new() { Has = cell.Locator("td", new() { HasTextRegex = new Regex("^Deelname$") }) });
        await Expect(optIns).ToHaveCountAsync(2); // the city and the OCMW: the refused attempt left nothing
        await Expect(optIns.First).ToContainTextAsync("gemeente@jette.example");
        await Expect(optIns.Last).ToContainTextAsync("ocmw@jette.example");
        await Screens.TakeAsync(cell, "tender-awarded");

        // The OCMW, in French, sees its own share of the year (the participations follow within a second).
        await ocmw.GetByRole(AriaRole.Link, new() { Name = "Français" }).ClickAsync();
        await Expect(ocmw.Locator("h1")).ToHaveTextAsync("CPAS de Jette");
        var row = ocmw.Locator("table.participations tbody tr").Filter(new() { HasText = reference }).Filter(new() { HasText = "Attribuée" });
        for (var i = 0; i < 50 && await row.CountAsync() == 0; i++)
        {
            await Task.Delay(200, TestContext.Current.CancellationToken);
            await ocmw.ReloadAsync();
        }
        await Expect(row).ToContainTextAsync(new Regex(@"25\s000,00"));
        await Expect(row).ToContainTextAsync("0900/123-48");
        await Screens.TakeAsync(ocmw, "administration-fr");

        // And the city sees its own, not the OCMW's budget line.
        await city.GotoAsync(tenderUrl);
        await Expect(city.Locator("#lot-1 ~ .table-wrap table.shares").First.Locator("tbody tr").Filter(new() { HasText = "GEMEENTE" })).ToContainTextAsync("0100/123-48");
        await Expect(city.Locator("#lot-1 ~ .table-wrap table.shares").First.Locator("tbody tr").Filter(new() { HasText = "OCMW" })).Not.ToContainTextAsync("0900/123-48");

        // After the award: the cell gives notice not to renew lot 1, then ends it early by mutual agreement.
        await cell.GotoAsync(tenderUrl);
        await cell.FillAsync("#notrenew-1-reason", "De behoefte valt weg na de eerste periode");
        await cell.GetByRole(AriaRole.Button, new() { Name = "Opzeggen: perceel 1 niet verlengen" }).ClickAsync();
        await Expect(cell.Locator(".notice")).ToContainTextAsync("perceel 1 wordt niet verlengd");
        await Expect(cell.Locator("table.history")).ToContainTextAsync("Opgezegd, niet verlengd");
        await Expect(cell.GetByRole(AriaRole.Button, new() { Name = "Opzeggen: perceel 1 niet verlengen" })).ToHaveCountAsync(0);
        await cell.SelectOptionAsync("#terminate-1-ground", "MutualAgreement");
        await cell.GetByRole(AriaRole.Button, new() { Name = "Perceel 1 vroegtijdig beëindigen" }).ClickAsync();
        await Expect(cell.Locator("#terminate-1-reason-error")).ToBeVisibleAsync(); // the explanation is asked at its field
        (await cell.Locator("#terminate-1-ground").InputValueAsync()).ShouldBe("MutualAgreement"); // and the chosen ground stays
        await cell.FillAsync("#terminate-1-reason", "Verhuis van de diensten");
        await cell.GetByRole(AriaRole.Button, new() { Name = "Perceel 1 vroegtijdig beëindigen" }).ClickAsync();
        await Expect(cell.Locator(".notice")).ToContainTextAsync("Perceel 1 beëindigd");
        await Expect(cell.Locator("#lot-1 .status")).ToHaveTextAsync("Beëindigd");
        await Expect(cell.Locator("table.history")).ToContainTextAsync("Perceel beëindigd");

        await cell.GotoAsync(Site.ToString());
        await Screens.TakeAsync(cell, "dashboard");
        foreach (var page in new[] { cell, city, ocmw })
            await page.Context.CloseAsync();
    }

    private static async Task AddLotAsync(IPage cell, string title, string estimate)
    {
        await cell.FillAsync("#addlot-title", title);
        await cell.FillAsync("#addlot-estimatedValueExclVat", estimate);
        await cell.FillAsync("#addlot-vatRate", "0");
        await cell.GetByRole(AriaRole.Button, new() { Name = "Perceel toevoegen" }).ClickAsync();
        await Expect(cell.Locator(".notice")).ToContainTextAsync("Perceel toegevoegd");
        await Expect(cell.Locator("h3").Filter(new() { HasText = title })).ToBeVisibleAsync();
    }

    /// <summary>Records a decision of the signed-in administration with the tender page's form.</summary>
    internal static async Task DecideAsync(IPage page, string kind, string body, string reference, int? lot = null, int? renewal = null)
    {
        await page.SelectOptionAsync("#decision-kind", kind);
        await page.SelectOptionAsync("#decision-body", body);
        if (lot is not null)
            await page.FillAsync("#decision-lotNumber", lot.ToString()!);
        if (renewal is not null)
            await page.FillAsync("#decision-renewal", renewal.ToString()!);
        await page.FillAsync("#decision-reference", reference);
        await page.GetByRole(AriaRole.Button, new() { Name = "Besluit registreren" }).ClickAsync();
        await Expect(page.Locator(".notice")).ToContainTextAsync("Besluit geregistreerd");
        await Expect(page.Locator("table.decisions")).ToContainTextAsync(reference);
    }

    private static ILocator OptInForm(IPage page, string reference, int lot) =>
        page.Locator("section").Filter(new() { Has = page.Locator("h3", new() { HasText = reference }) })
            .Locator(".card").Filter(new() { Has = page.Locator("h4", new() { HasTextRegex = new Regex($@"^\S+ {lot}:") }) }).Locator("form").First;

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
