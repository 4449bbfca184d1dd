using System.Net;
using Aankopen.Contracts.Api.V1;
using Shouldly;
using static Aankopen.IntegrationTests.HttpCalls;

namespace Aankopen.IntegrationTests;

[Collection(nameof(RunningSystem))]
public sealed class ReadSideApiTests(RunningSystem system)
{
    private const string Cell = MealVoucherTender.Cell;

    /// <summary>Three tenders that share a search word nobody else uses, so the filters can be checked exactly.</summary>
    private async Task<(string Word, MealVoucherTender Papers, MealVoucherTender Cleaning, MealVoucherTender Vouchers)> ThreeTendersAsync()
    {
        var word = $"zoek{Guid.NewGuid():N}"[..12];
        var papers = new MealVoucherTender(system.Api);
        papers.Resume(await papers.Api.OpenTenderAsync(Cell, MealVoucherTender.Opening($"{word}-P") with
        {
            TitleNl = "Kantoorpapier",
            TitleFr = "Papier de bureau",
            MainCpv = "30197630-1",
            InvitedAdministrations = ["GEMEENTE"],
        }, ct: Ct));
        var cleaning = new MealVoucherTender(system.Api);
        cleaning.Resume(await cleaning.Api.OpenTenderAsync(Cell, MealVoucherTender.Opening($"{word}-C") with
        {
            TitleNl = "Glazenwassen",
            TitleFr = "Nettoyage des vitres",
            MainCpv = "90911300-9",
        }, ct: Ct));
        var vouchers = new MealVoucherTender(system.Api);
        await vouchers.OpenWithTwoLotsAsync($"{word}-V");
        await vouchers.OptInAsync(1, "OCMW", 30_000m, "0900/123-48");
        await vouchers.CloseAsync();
        return (word, papers, cleaning, vouchers);
    }

    private async Task<PageView<TenderSummaryView>> ListAsync(string query)
    {
        var response = await system.Api.GetAsync($"api/tenders?{query}", Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
        return (await response.Content.ReadFromJsonAsync<PageView<TenderSummaryView>>(Ct))!;
    }

    [Fact]
    public async Task The_list_filters_by_text_status_administration_cpv_division_and_year_and_pages()
    {
        var (word, papers, cleaning, vouchers) = await ThreeTendersAsync();
        var year = DateTime.UtcNow.Year;

        (await ListAsync($"q={word.ToUpperInvariant()}")).Items.Select(t => t.Reference)
            .ShouldBe([$"{word}-V", $"{word}-C", $"{word}-P"], ignoreOrder: true);
        (await ListAsync($"q={word}&status=OptInClosed")).Items.ShouldHaveSingleItem().Id.ShouldBe(vouchers.Id);
        (await ListAsync($"q={word}&administration=OCMW")).Items.Select(t => t.Id).ShouldBe([cleaning.Id, vouchers.Id], ignoreOrder: true);
        (await ListAsync($"q={word}&cpvDivision=90")).Items.ShouldHaveSingleItem().Id.ShouldBe(cleaning.Id);
        (await ListAsync($"q={word}&year={year}")).Total.ShouldBe(3);
        (await ListAsync($"q={word}&year={year - 1}")).Total.ShouldBe(0);
        (await ListAsync($"q={word}&administration=OCMW&year={year}")).Items.Select(t => t.Id).ShouldBe([cleaning.Id, vouchers.Id], ignoreOrder: true);
        (await ListAsync($"q={word}&administration=OCMW&year={year - 1}")).Total.ShouldBe(0);
        (await ListAsync($"q={word}&administration=POLITIE&year={year}")).Total.ShouldBe(0);

        var first = await ListAsync($"q={word}&pageSize=2&page=1");
        var second = await ListAsync($"q={word}&pageSize=2&page=2");
        first.ShouldSatisfyAllConditions(p => p.Total.ShouldBe(3), p => p.Items.Count.ShouldBe(2));
        second.Items.ShouldHaveSingleItem();
        first.Items.Concat(second.Items).Select(t => t.Id).Distinct().Count().ShouldBe(3);

        var summary = (await ListAsync($"q={word}-V")).Items.ShouldHaveSingleItem();
        summary.ShouldSatisfyAllConditions(s => s.LotCount.ShouldBe(2), s => s.EstimatedTotalExclVat.ShouldBe(120_000m), s => s.Status.ShouldBe("OptInClosed"));
    }

    [Theory]
    [InlineData("status=Sleeping", "status")]
    [InlineData("pageSize=5000", "pageSize")]
    [InlineData("page=0", "page")]
    [InlineData("year=12", "year")]
    [InlineData("cpvDivision=123", "cpvDivision")]
    public async Task A_bad_filter_is_422_naming_it(string query, string field)
    {
        var response = await system.Api.GetAsync($"api/tenders?{query}", Ct);

        (await ProblemAsync(response, HttpStatusCode.UnprocessableEntity)).GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue();
    }

    [Fact]
    public async Task The_detail_shows_the_opt_in_matrix_and_totals_per_administration()
    {
        var tender = new MealVoucherTender(system.Api);
        await tender.AwardedDemoAsync($"MX-{Guid.NewGuid():N}"[..20]);

        var view = (await system.Api.GetFromJsonAsync<TenderView>($"api/tenders/{tender.Id}", Ct))!;

        view.Matrix.Administrations.ShouldBe(["GEMEENTE", "OCMW"]);
        var lot1 = view.Matrix.Rows.Single(r => r.LotNumber == 1);
        lot1.Cells.Select(c => c.EstimatedAmountExclVat).ShouldBe([90_000m, 30_000m]);
        lot1.Cells.Select(c => c.ShareExclVat).ShouldBe([75_000.01m, 25_000.00m]);
        view.Matrix.Rows.Single(r => r.LotNumber == 2).Cells.Select(c => c.OptedIn).ShouldBe([false, true]);
        var ocmw = view.Totals.Single(t => t.Administration == "OCMW");
        ocmw.ShouldSatisfyAllConditions(t => t.LotsOptedIn.ShouldBe(2), t => t.EstimatedAmountExclVat.ShouldBe(50_000m), t => t.AwardedExclVat.ShouldBe(25_000m));
        view.Totals.Sum(t => t.AwardedExclVat).ShouldBe(100_000.01m);
    }

    [Fact]
    public async Task An_administration_sees_its_participations_and_shares_of_the_year()
    {
        var tender = new MealVoucherTender(system.Api);
        var reference = $"YR-{Guid.NewGuid():N}"[..20];
        await tender.AwardedDemoAsync(reference);

        // Kept by the async daemon: it catches up within a fraction of a second.
        var year = await system.EventuallyAsync(
            async () => (await tender.Api.GetAdministrationYearAsync("OCMW", DateTime.UtcNow.Year, Ct)).Content!,
            y => y.Participations.Any(p => p.Reference == reference && p.Lots.Any(l => l.Status == "Awarded")));

        var mine = year.Participations.Single(p => p.Reference == reference);
        mine.TenderStatus.ShouldBe("Published");
        mine.Lots.Select(l => (l.LotNumber, l.Status, l.ShareExclVat)).ShouldBe([(1, "Awarded", (decimal?)25_000.00m), (2, "Participating", null)]);
        mine.Lots.ShouldAllBe(l => l.BudgetLine!.StartsWith("0900/"));

        var city = (await tender.Api.GetAdministrationYearAsync("GEMEENTE", DateTime.UtcNow.Year, Ct)).Content!;
        city.Participations.Single(p => p.Reference == reference).Lots.ShouldHaveSingleItem().ShareExclVat.ShouldBe(75_000.01m);
    }

    [Fact]
    public async Task The_year_of_an_unknown_administration_is_404()
    {
        var response = await system.Api.GetAsync("api/administrations/NOBODY/participations", Ct);

        (await CodeOfAsync(response, HttpStatusCode.NotFound)).ShouldBe("administration-not-found");
    }
}
