using Microsoft.Playwright;
using Shouldly;

namespace Aankopen.IntegrationTests.Pages;

[Collection(nameof(RunningSystem))]
public sealed class SignInPageTests(RunningSystem system, Browsers browsers)
{
    [Fact]
    public async Task A_person_signs_in_at_the_identity_provider_lands_on_the_overview_in_their_language_and_signs_out()
    {
        var page = await browsers.SignedInAsync(system.Site, TestUsers.Cell);

        (await page.Locator("h1").TextContentAsync()).ShouldBe("Overzicht");
        await page.GetByRole(AriaRole.Link, new() { Name = "Français" }).ClickAsync();
        (await page.Locator("h1").TextContentAsync()).ShouldBe("Tableau de bord");

        // Signing out ends the session here: the next page asks the identity provider who is there again.
        await page.GetByRole(AriaRole.Button, new() { Name = "Se déconnecter" }).ClickAsync();
        await page.GotoAsync(new Uri(system.Site, "tenders").ToString());
        page.Url.ShouldStartWith(new Uri(TestIssuer.Address, "authorize").ToString());
        await page.Context.CloseAsync();
    }
}
