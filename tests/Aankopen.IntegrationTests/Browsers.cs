using Microsoft.Playwright;

namespace Aankopen.IntegrationTests;

/// <summary>
/// Debian's Chromium (installed by the test command) driven by Playwright, headless, one browser for the whole run;
/// each person gets a context of their own (their own cookies), as if on their own computer.
/// </summary>
public sealed class Browsers : IAsyncLifetime
{
    public const string Chromium = "/usr/bin/chromium";

    private IPlaywright playwright = null!;

    public IBrowser Browser { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(Chromium))
            throw new InvalidOperationException($"No browser at {Chromium}: install Debian's chromium package (test.sh does).");
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            // The machine's network is closed: Chromium must not try to reach Google's services at start.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>A new person at a laptop (or a tablet, with <paramref name="tablet"/>), signed in on the development issuer's page as <paramref name="persona"/>.</summary>
    public async Task<IPage> SignedInAsync(Uri site, string persona, string language = "nl-BE", bool tablet = false)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = language,
            ViewportSize = tablet ? new ViewportSize { Width = 820, Height = 1180 } : new ViewportSize { Width = 1366, Height = 900 },
            ExtraHTTPHeaders = new Dictionary<string, string> { ["Accept-Language"] = language },
        });
        // Two cores: the first sign-in of a run shares them with the browser's own start and every other test class
        // starting its system; Playwright's 30 s default was once too short there. A real hang still fails, later.
        context.SetDefaultTimeout(90_000);
        context.SetDefaultNavigationTimeout(90_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync(site.ToString());
        // The identity provider's page: pick who you are.
        await page.Locator($"button[value='{persona}']").ClickAsync();
        // Back on the site, past its sign-in callback: the session cookie is set only by the callback's answer.
        try
        {
            await page.WaitForURLAsync(url => url.StartsWith(site.ToString(), StringComparison.Ordinal) && !url.Contains("/signin-oidc", StringComparison.Ordinal));
        }
        catch (TimeoutException e)
        {
            // Where the browser stopped, and what it shows there, rather than only that it did not come back.
            throw new TimeoutException($"{persona} was not signed in to {site}: the browser stopped at {page.Url} showing {await page.InnerTextAsync("body")}", e);
        }
        return page;
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        playwright.Dispose();
    }
}
