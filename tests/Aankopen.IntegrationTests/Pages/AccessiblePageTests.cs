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
