using Microsoft.Playwright;

namespace Aankopen.IntegrationTests.Pages;

/// <summary>
/// Screenshots of the main pages, written when <c>AANKOPEN_SCREENSHOTS</c> names a folder (docs/screenshots holds
/// the ones docs/api.md shows); a normal test run writes none.
/// </summary>
public static class Screens
{
    public static async Task TakeAsync(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("AANKOPEN_SCREENSHOTS") is not { Length: > 0 } folder)
            return;
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true });
    }
}
