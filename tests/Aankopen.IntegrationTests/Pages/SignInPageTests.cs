using Microsoft.Playwright;
using Shouldly;

namespace Aankopen.IntegrationTests.Pages;

[Collection(nameof(RunningSystem))]
public sealed class SignInPageTests(RunningSystem system, Browsers browsers)
{
    [Fact]
    public async Task A_person_signs_in_at_the_identity_provider_and_lands_on_the_overview_in_their_language()
    {
        var page = await browsers.SignedInAsync(system.Api.BaseAddress!, TestUsers.Cell);

        (await page.Locator("h1").TextContentAsync()).ShouldBe("Overzicht");
        await page.GetByRole(AriaRole.Link, new() { Name = "Français" }).ClickAsync();
        (await page.Locator("h1").TextContentAsync()).ShouldBe("Tableau de bord");
        await page.Context.CloseAsync();
    }
}
