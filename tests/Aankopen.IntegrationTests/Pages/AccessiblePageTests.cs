using Microsoft.Playwright;
using Shouldly;

namespace Aankopen.IntegrationTests.Pages;

/// <summary>
/// What makes the pages usable with a keyboard and a screen reader, checked on every main page in both languages:
/// the page's language, one main heading, a label for every field, a skip link to the content; and forms that
/// refuse a post without their anti-forgery token.
/// </summary>
[Collection(nameof(RunningSystem))]
public sealed class AccessiblePageTests(RunningSystem system, Browsers browsers)
{
    private static readonly string[] MainPages = ["", "tenders", "tenders/new", "administrations/OCMW", "renewals", "memberships", "reports"];

    [Theory]
    [InlineData("nl-BE", "nl")]
    [InlineData("fr-BE", "fr")]
    public async Task Every_main_page_names_its_language_has_one_main_heading_and_labels_every_field(string locale, string lang)
    {
        var tender = new MealVoucherTender(system.Api);
        await tender.OpenWithTwoLotsAsync($"AX-{Guid.NewGuid():N}"[..20]);
        var page = await browsers.SignedInAsync(system.Site, TestUsers.Cell, locale);

        foreach (var path in MainPages.Append($"tenders/{tender.Id}"))
        {
            var response = await page.GotoAsync(new Uri(system.Site, path).ToString());
            response!.Status.ShouldBe(200, path);
            (await page.Locator("html").GetAttributeAsync("lang")).ShouldBe(lang, path);
            (await page.Locator("h1").CountAsync()).ShouldBe(1, path);
            (await page.Locator("a.skip[href='#main']").CountAsync()).ShouldBe(1, path);
            // Every visible input, select and text area has a label of its own (for=id or wrapped).
            var unlabelled = await page.EvaluateAsync<string[]>("""
                () => [...document.querySelectorAll('input:not([type=hidden]), select, textarea')]
                    .filter(e => !(e.labels && e.labels.length > 0) && !e.getAttribute('aria-label'))
                    .map(e => e.name || e.id)
                """);
            unlabelled.ShouldBeEmpty(path);
        }
        await page.Context.CloseAsync();
    }

    /// <summary>
    /// The web accessibility directive (EU 2016/2102) asks public-sector sites for EN 301 549, which is WCAG 2.1 level
    /// AA: axe-core's rules for it run on every page, as each persona sees it, in both languages, with a tender that
    /// has lots, opt-ins, an award, decisions and history.
    /// </summary>
    [Theory]
    [InlineData("nl-BE")]
    [InlineData("fr-BE")]
    public async Task Every_page_passes_axe_cores_wcag_2_1_aa_rules_for_every_persona(string locale)
    {
        var tender = new MealVoucherTender(system.Api);
        var view = await tender.AwardedDemoAsync($"AXE-{Guid.NewGuid():N}"[..20]);
        var (_, membership) = await JoinedMembership.OfOcmwAsync(system);
        // A framework at 80 % of the OCMW's share (its consumption, orders and warning), and a purchasing central buying for it.
        var framework = new MealVoucherTender(system.Api);
        await framework.PublishedDemoAsync($"AXF-{Guid.NewGuid():N}"[..20]);
        await framework.AwardFrameworkAsync(1, 100_000m);
        var frameworkView = await framework.OrderAsync(1, "OCMW", 20_000m, "BB-AXE-1");
        var central = new MealVoucherTender(system.Api);
        await central.OnBehalfOfTheOcmwAsync($"AXC-{Guid.NewGuid():N}"[..20], "Papier", 10_000m, "0900/1");
        var wcag = new Deque.AxeCore.Commons.AxeRunOptions
        {
            RunOnly = new Deque.AxeCore.Commons.RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        };
        var pages = new Dictionary<string, string[]>
        {
            [TestUsers.Cell] = [.. MainPages, $"tenders/{view.Id}", $"tenders/{frameworkView.Id}", $"tenders/{central.Id}", $"audit/tenders/{view.Id}",
                $"audit/memberships/{membership.Id}"],
            [TestUsers.Of("OCMW")] = ["", "tenders", "administrations/OCMW", $"tenders/{view.Id}", $"tenders/{frameworkView.Id}", "renewals", "memberships", "reports"],
            [TestUsers.Auditor] = ["", "tenders", $"tenders/{view.Id}", $"tenders/{frameworkView.Id}", "reports"],
        };

        var violations = new List<string>();
        foreach (var (user, paths) in pages)
        {
            var page = await browsers.SignedInAsync(system.Site, user, locale);
            foreach (var path in paths)
            {
                (await page.GotoAsync(new Uri(system.Site, path).ToString()))!.Status.ShouldBe(200, path);
                var result = await Deque.AxeCore.Playwright.PageExtensions.RunAxe(page, wcag);
                result.Passes.ShouldNotBeEmpty(path);
                violations.AddRange(result.Violations.Select(v =>
                    $"{user} /{path}: {v.Id} ({v.Impact}) {v.Help}: {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}"));
            }
            if (user == TestUsers.Auditor)
            {
                // The rules do run: an image without a text alternative, put on the page by hand, is reported.
                await page.EvaluateAsync("() => document.querySelector('main').insertAdjacentHTML('beforeend', '<img src=\"/site.css\">')");
                (await Deque.AxeCore.Playwright.PageExtensions.RunAxe(page, wcag)).Violations.Select(v => v.Id).ShouldContain("image-alt");
            }
            await page.Context.CloseAsync();
        }

        violations.ShouldBeEmpty();
    }

    /// <summary>
    /// Someone who uses no mouse opts in: from the top of the page, Tab reaches the skip link, then the lot's fields in
    /// order, each with a visible focus ring; Enter sends the form and the notice says it was kept. The OCMW then
    /// records its council's decision on the tender page the same way.
    /// </summary>
    [Fact]
    public async Task Opting_in_and_recording_a_decision_work_with_the_keyboard_alone()
    {
        var tender = new MealVoucherTender(system.Api);
        var reference = $"KB-{Guid.NewGuid():N}"[..20];
        // The administration's page lists the open tenders soonest deadline first: this one comes before those the other
        // tests leave open, so the number of Tabs to reach it does not depend on them.
        tender.Resume(await tender.Api.OpenTenderAsync(MealVoucherTender.Cell, MealVoucherTender.Opening(reference) with { OptInDeadline = DateTimeOffset.UtcNow.AddHours(1) }, ct: HttpCalls.Ct));
        await tender.Step(a => a.AddLotAsync(tender.Id, tender.ETag, MealVoucherTender.Cell, MealVoucherTender.Lot("Papieren maaltijdcheques", 120_000m)));
        var page = await browsers.SignedInAsync(system.Site, TestUsers.Of("OCMW"));
        await page.GotoAsync(new Uri(system.Site, "administrations/OCMW").ToString());

        await page.Keyboard.PressAsync("Tab");
        (await page.EvaluateAsync<string>("() => document.activeElement.className")).ShouldContain("skip");
        Task TabToAsync(string selector) => TabToFocusAsync(page, selector);
        var lotForm = page.Locator("section").Filter(new() { Has = page.Locator("h3", new() { HasText = reference }) }).Locator("form").First;
        async Task<string> IdOfAsync(string field) => $"[id='{await lotForm.Locator($"input[name={field}]").GetAttributeAsync("id")}']";
        await TabToAsync(await IdOfAsync("estimatedAmountExclVat"));
        await page.Keyboard.TypeAsync("30.000,00");
        await TabToAsync(await IdOfAsync("budgetLine"));
        await page.Keyboard.TypeAsync("0900/123-48");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("Deelname aan perceel 1 bewaard");

        tender.Carry(Aankopen.Client.ApiResponses.ETag(await tender.Api.GetTenderAsync(tender.Id, HttpCalls.Ct))); // the opt-in came from the page
        await tender.CloseAndPublishAsync();
        await page.GotoAsync(new Uri(system.Site, $"tenders/{tender.Id}").ToString());
        await TabToAsync("#decision-kind");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Tab");
        await TabToAsync("#decision-body");
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("ArrowDown"); // the third body: Raad voor maatschappelijk welzijn
        await TabToAsync("#decision-reference");
        await page.Keyboard.TypeAsync("RMW/2026/57");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("Besluit geregistreerd");
        await Assertions.Expect(page.Locator("table.decisions")).ToContainTextAsync("Raad voor maatschappelijk welzijn");
        await page.Context.CloseAsync();
    }

    /// <summary>Someone who uses no mouse records an order under a framework: Tab to each field, type, Enter.</summary>
    [Fact]
    public async Task Placing_an_order_works_with_the_keyboard_alone()
    {
        var tender = new MealVoucherTender(system.Api);
        await tender.PublishedDemoAsync($"KO-{Guid.NewGuid():N}"[..20]);
        await tender.AwardFrameworkAsync(1, 100_000m);
        var page = await browsers.SignedInAsync(system.Site, TestUsers.Of("OCMW"));
        await page.GotoAsync(new Uri(system.Site, $"tenders/{tender.Id}").ToString());

        Task TabToAsync(string selector) => TabToFocusAsync(page, selector);
        await TabToAsync("#order-1-reference");
        await page.Keyboard.TypeAsync("BB-KB-1");
        await TabToAsync("#order-1-amountExclVat");
        await page.Keyboard.TypeAsync("1.250,00");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("Bestelling BB-KB-1 geregistreerd");
        await Assertions.Expect(page.Locator("table.orders")).ToContainTextAsync("1.250,00");
        await page.Context.CloseAsync();
    }

    /// <summary>Presses Tab until the element is focused, and requires it to show where the focus is.</summary>
    private static async Task TabToFocusAsync(IPage page, string selector)
    {
        for (var i = 0; i < 1000 && !await page.EvaluateAsync<bool>("s => document.activeElement?.matches(s) === true", selector); i++)
            await page.Keyboard.PressAsync("Tab");
        (await page.EvaluateAsync<bool>("s => document.activeElement?.matches(s) === true", selector)).ShouldBeTrue(selector);
        (await page.EvaluateAsync<string>("() => getComputedStyle(document.activeElement).outlineStyle")).ShouldNotBe("none", selector);
    }

    [Fact]
    public async Task A_form_posted_without_its_anti_forgery_token_is_refused_and_changes_nothing()
    {
        var page = await browsers.SignedInAsync(system.Site, TestUsers.Cell);
        var reference = $"AF-{Guid.NewGuid():N}"[..20];

        // Signed in (the session cookie goes along), but without the form's token, as a forged cross-site post would be.
        var forged = await page.Context.APIRequest.PostAsync(new Uri(system.Site, "tenders/new").ToString(), new()
        {
            Form = page.Context.APIRequest.CreateFormData().Set("form", "open").Set("reference", reference).Set("titleNl", "x").Set("titleFr", "x")
                .Set("mainCpv", "30199770-8").Set("procedure", "Open").Set("leadAdministration", "GEMEENTE").Set("invitedAdministrations", "GEMEENTE")
                .Set("optInDeadline", "2030-01-01T12:00"),
        });

        forged.Status.ShouldBe(400);
        var found = await system.Api.GetAsync($"api/tenders?q={reference}", HttpCalls.Ct);
        (await found.Content.ReadAsStringAsync(HttpCalls.Ct)).ShouldContain("\"total\":0");
        await page.Context.CloseAsync();
    }
}
