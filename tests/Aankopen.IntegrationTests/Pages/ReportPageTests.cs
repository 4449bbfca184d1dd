using System.IO.Compression;
using Aankopen.Contracts.Api.V1;
using Microsoft.Playwright;
using Shouldly;

namespace Aankopen.IntegrationTests.Pages;

[Collection(nameof(RunningSystem))]
public sealed class ReportPageTests(RunningSystem system, Browsers browsers)
{
    [Fact]
    public async Task The_chapter_shows_on_the_page_and_downloads_as_a_word_document_in_the_readers_language()
    {
        var reference = $"RW-{Guid.NewGuid():N}"[..20];
        await new MealVoucherTender(system.Api).AwardedDemoAsync(reference);
        var page = await browsers.SignedInAsync(system.Site, TestUsers.Auditor, language: "fr-BE");

        await page.GotoAsync(new Uri(system.Site, "reports").ToString());
        var chapter = page.Locator("article.report");
        await Assertions.Expect(chapter.Locator("h2").First).ToContainTextAsync("synergies et économies d'échelle dans les marchés publics");
        await Assertions.Expect(chapter.Locator("li").Filter(new() { HasText = reference })).ToContainTextAsync("Marché public conjoint pour Chèques-repas 2027");
        await Screens.TakeAsync(page, "report");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Télécharger en document Word" }).ClickAsync());
        download.SuggestedFilename.ShouldEndWith(".docx");
        var file = Path.Combine(Path.GetTempPath(), $"{reference}.docx");
        await download.SaveAsAsync(file);
        using (var zip = ZipFile.OpenRead(file))
        {
            using var reader = new StreamReader(zip.GetEntry("word/document.xml")!.Open());
            var xml = await reader.ReadToEndAsync(TestContext.Current.CancellationToken);
            xml.ShouldContain(reference);
            xml.ShouldContain("Part de chaque administration");
        }
        File.Delete(file);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_cell_plans_a_measure_on_the_page_and_the_annex_carries_it_until_it_is_done()
    {
        var text = $"Eén contract voor brandstof {Guid.NewGuid():N}"[..40];
        var page = await browsers.SignedInAsync(system.Site, TestUsers.Cell);
        var year = Aankopen.Domain.BrusselsCalendar.DateOf(DateTimeOffset.UtcNow).Year;
        await page.GotoAsync(new Uri(system.Site, $"reports?year={year}").ToString());

        await page.FillAsync("#measure-domainNl", "Mobiliteit");
        await page.FillAsync("#measure-domainFr", "Mobilité");
        await page.FillAsync("#measure-textNl", text);
        await page.GetByRole(AriaRole.Button, new() { Name = "Maatregel plannen" }).ClickAsync();
        // The French text is missing: said at its field, and what was typed stays.
        await Assertions.Expect(page.Locator("#measure-textFr-error")).ToBeVisibleAsync();
        (await page.InputValueAsync("#measure-textNl")).ShouldBe(text);
        await page.FillAsync("#measure-textFr", "Un seul contrat de carburant");
        await page.GetByRole(AriaRole.Button, new() { Name = "Maatregel plannen" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("Maatregel gepland");
        await Assertions.Expect(page.Locator("article.report li").Filter(new() { HasText = text })).ToContainTextAsync("Mobiliteit: ");

        var row = page.Locator("table.measures tr").Filter(new() { HasText = text });
        await row.GetByRole(AriaRole.Button, new() { Name = $"Uitgevoerd in {year}" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("Maatregel afgesloten");
        await Assertions.Expect(page.Locator("table.measures tr").Filter(new() { HasText = text })).ToContainTextAsync($"Uitgevoerd in {year}");
        await Assertions.Expect(page.Locator("article.report li").Filter(new() { HasText = text })).ToContainTextAsync("Uitgevoerd (Mobiliteit)");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_measure_form_sent_twice_plans_one_measure()
    {
        var text = $"Gedeelde juridische dienst {Guid.NewGuid():N}"[..40];
        var page = await browsers.SignedInAsync(system.Site, TestUsers.Cell);
        await page.GotoAsync(new Uri(system.Site, "reports").ToString());
        await page.FillAsync("#measure-domainNl", "Juridisch");
        await page.FillAsync("#measure-domainFr", "Juridique");
        await page.FillAsync("#measure-textNl", text);
        await page.FillAsync("#measure-textFr", "Service juridique partagé");

        // The same form sent twice at once, as a double click or a flaky connection's resend does: both reach the service.
        var answers = await page.Locator("form[aria-label='Maatregel plannen']").EvaluateAsync<int[]>(
            "form => Promise.all([1, 2].map(() => fetch(form.action, { method: 'POST', body: new FormData(form) }).then(r => r.status)))");
        answers.ShouldAllBe(status => status == 200);
        var measures = await system.Api.AsAsync<MeasureView[]>(TestUsers.Cell, HttpMethod.Get, "api/reports/measures");
        measures.Count(m => m.TextNl == text).ShouldBe(1);

        // The answer lost, the form edited and sent again under its key: said plainly, and sent once more it plans the edit.
        var edited = $"{text} (herzien)";
        await page.FillAsync("#measure-textNl", edited);
        await page.GetByRole(AriaRole.Button, new() { Name = "Maatregel plannen" }).ClickAsync();
        await Assertions.Expect(page.Locator("form[aria-label='Maatregel plannen']")).ToContainTextAsync("Dit formulier werd al eerder verzonden");
        (await page.InputValueAsync("#measure-textNl")).ShouldBe(edited);
        await page.GetByRole(AriaRole.Button, new() { Name = "Maatregel plannen" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("Maatregel gepland");
        measures = await system.Api.AsAsync<MeasureView[]>(TestUsers.Cell, HttpMethod.Get, "api/reports/measures");
        (measures.Count(m => m.TextNl == text), measures.Count(m => m.TextNl == edited)).ShouldBe((1, 1));
        await page.Context.CloseAsync();
    }
}
