using System.IO.Compression;
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
}
