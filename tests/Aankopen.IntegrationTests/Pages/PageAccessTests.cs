using Microsoft.Playwright;
using Shouldly;

namespace Aankopen.IntegrationTests.Pages;

/// <summary>
/// Who may see which page, per person, and the posts that must fail even with a genuine anti-forgery token: someone of
/// the OCMW opting in for the city through the city's page, an auditor closing a tender, someone of the city opening
/// one. Each refusal is a page in the person's language, and nothing is written.
/// </summary>
[Collection(nameof(RunningSystem))]
public sealed class PageAccessTests(RunningSystem system, Browsers browsers)
{
    private static readonly string City = TestUsers.Of("GEMEENTE"), Ocmw = TestUsers.Of("OCMW");

    private Uri Site => system.Site;

    [Fact]
    public async Task Each_person_sees_exactly_the_pages_their_role_and_administrations_allow()
    {
        var tender = new MealVoucherTender(system.Api);
        await tender.OpenWithTwoLotsAsync($"PA-{Guid.NewGuid():N}"[..20]);
        var (_, membership) = await JoinedMembership.OfOcmwAsync(system);
        string[] everyone = [TestUsers.Cell, TestUsers.Auditor, City, Ocmw];
        string[] cellAndAuditor = [TestUsers.Cell, TestUsers.Auditor];
        var pages = new (string Path, string[] Allowed)[]
        {
            ("", everyone),
            ("tenders", everyone),
            ($"tenders/{tender.Id}", everyone),
            ("tenders/new", [TestUsers.Cell]),
            ("administrations/GEMEENTE", [.. cellAndAuditor, City]),
            ("administrations/OCMW", [.. cellAndAuditor, Ocmw]),
            ("administrations/OCMW?handler=Csv", [.. cellAndAuditor, Ocmw]),
            ("renewals", everyone),
            ("memberships", everyone),
            ("reports", everyone),
            ($"audit/tenders/{tender.Id}", cellAndAuditor),
            ($"audit/memberships/{membership.Id}", cellAndAuditor),
        };

        foreach (var person in everyone.Append(TestUsers.Operator))
        {
            var page = await browsers.SignedInAsync(Site, person);
            foreach (var (path, allowed) in pages)
            {
                var response = await page.Context.APIRequest.GetAsync(new Uri(Site, path).ToString());
                if (allowed.Contains(person))
                    response.Status.ShouldBe(200, $"{person} {path}");
                else
                {
                    response.Status.ShouldBe(403, $"{person} {path}");
                    (await response.TextAsync()).ShouldContain("<h1>Niet toegestaan</h1>", customMessage: $"{person} {path}");
                }
            }
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task Someone_of_the_ocmw_cannot_opt_in_for_the_city_through_its_page_even_with_a_genuine_form_token()
    {
        var tender = new MealVoucherTender(system.Api);
        var opened = await tender.OpenWithTwoLotsAsync($"PF-{Guid.NewGuid():N}"[..20]);
        var ocmw = await browsers.SignedInAsync(Site, Ocmw);
        await ocmw.GotoAsync(new Uri(Site, "administrations/OCMW").ToString());
        var token = await FormTokenAsync(ocmw);

        var forged = await ocmw.Context.APIRequest.PostAsync(new Uri(Site, "administrations/GEMEENTE?handler=OptIn").ToString(), new()
        {
            Form = ocmw.Context.APIRequest.CreateFormData().Set("__RequestVerificationToken", token).Set("form", $"optin-{tender.Id:N}-1")
                .Set("tenderId", tender.Id.ToString()).Set("version", opened.Version.ToString()).Set("lotNumber", "1")
                .Set("estimatedAmountExclVat", "90.000,00").Set("budgetLine", "0100/123-48"),
        });

        forged.Status.ShouldBe(403);
        system.WebWarnings.All.ShouldContain(w => w.Message.Contains(Ocmw) && w.Message.Contains("/administrations/GEMEENTE"), "the refusal is logged");
        var after = await system.Api.AsAsync<Aankopen.Contracts.Api.V1.TenderView>(TestUsers.Cell, HttpMethod.Get, $"api/tenders/{tender.Id}");
        after.Version.ShouldBe(opened.Version);
        after.Lots.Single(l => l.Number == 1).OptIns.ShouldBeEmpty();
        await ocmw.Context.CloseAsync();
    }

    [Fact]
    public async Task An_auditor_cannot_close_a_tender_and_someone_of_the_city_cannot_open_one_through_the_pages()
    {
        var tender = new MealVoucherTender(system.Api);
        var opened = await tender.OpenWithTwoLotsAsync($"PG-{Guid.NewGuid():N}"[..20]);

        // The auditor reads the tender's page (with its history) in French, then posts the cell's close form by hand.
        var auditor = await browsers.SignedInAsync(Site, TestUsers.Auditor, "fr-BE");
        await auditor.GotoAsync(new Uri(Site, $"tenders/{tender.Id}").ToString());
        var closing = await auditor.Context.APIRequest.PostAsync(new Uri(Site, $"tenders/{tender.Id}?handler=Close").ToString(), new()
        {
            Form = auditor.Context.APIRequest.CreateFormData().Set("__RequestVerificationToken", await FormTokenAsync(auditor))
                .Set("form", "close").Set("version", opened.Version.ToString()),
        });
        closing.Status.ShouldBe(403);
        (await closing.TextAsync()).ShouldContain("<h1>Non autorisé</h1>");

        // Someone of the city: refused the form to open a tender, and its post.
        var city = await browsers.SignedInAsync(Site, City);
        await city.GotoAsync(new Uri(Site, "administrations/GEMEENTE").ToString());
        var reference = $"PH-{Guid.NewGuid():N}"[..20];
        var opening = await city.Context.APIRequest.PostAsync(new Uri(Site, "tenders/new").ToString(), new()
        {
            Form = city.Context.APIRequest.CreateFormData().Set("__RequestVerificationToken", await FormTokenAsync(city)).Set("form", "open")
                .Set("reference", reference).Set("titleNl", "x").Set("titleFr", "x").Set("mainCpv", "30199770-8").Set("procedure", "Open")
                .Set("leadAdministration", "GEMEENTE").Set("invitedAdministrations", "GEMEENTE").Set("optInDeadline", "2030-01-01T12:00"),
        });
        opening.Status.ShouldBe(403);

        var after = await system.Api.AsAsync<Aankopen.Contracts.Api.V1.TenderView>(TestUsers.Cell, HttpMethod.Get, $"api/tenders/{tender.Id}");
        after.Status.ShouldBe("OpenForOptIn");
        after.Version.ShouldBe(opened.Version);
        var found = await system.Api.GetAsync($"api/tenders?q={reference}", HttpCalls.Ct);
        (await found.Content.ReadAsStringAsync(HttpCalls.Ct)).ShouldContain("\"total\":0");
        await auditor.Context.CloseAsync();
        await city.Context.CloseAsync();
    }

    /// <summary>
    /// The anti-forgery token of a form this person was shown: genuine for their session, so only the rules behind the
    /// form stand between them and what they post.
    /// </summary>
    private static async Task<string> FormTokenAsync(IPage page) =>
        (await page.Locator("input[name=__RequestVerificationToken]").First.GetAttributeAsync("value"))!;
}
