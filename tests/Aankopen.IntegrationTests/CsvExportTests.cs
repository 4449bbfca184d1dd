using System.Net;
using Shouldly;
using static Aankopen.IntegrationTests.HttpCalls;

namespace Aankopen.IntegrationTests;

/// <summary>The finance departments' CSV files: their own year, or every administration's for the cell.</summary>
[Collection(nameof(RunningSystem))]
public sealed class CsvExportTests(RunningSystem system)
{
    [Fact]
    public async Task An_administration_downloads_its_year_with_its_own_budget_lines_and_shares_in_its_language()
    {
        var reference = $"CS-{Guid.NewGuid():N}"[..20];
        await new MealVoucherTender(system.Api).AwardedDemoAsync(reference);
        var year = DateTime.UtcNow.Year;

        var (bytes, rows) = await system.EventuallyAsync(
            () => CsvAsync($"api/administrations/OCMW/participations.csv?year={year}", TestUsers.Of("OCMW"), "nl-BE"),
            csv => csv.Rows.Any(r => r[1] == reference && r[4] == "Gegund"));

        bytes.Take(3).ShouldBe(System.Text.Encoding.UTF8.GetPreamble()); // so a spreadsheet reads the accents right
        rows[0].ShouldBe(["Bestuur", "Referentie", "Titel", "Perceel", "Status", "Begrotingsartikel", "Raming excl. btw", "Leverancier", "Aandeel excl. btw", "Aandeel incl. btw", "Gegund op"]);
        var mine = rows.Where(r => r[1] == reference).ToArray();
        mine.ShouldAllBe(r => r[0] == "OCMW" && r[5].StartsWith("0900/"));
        var awarded = mine.Single(r => r[3] == "1");
        awarded[4].ShouldBe("Gegund");
        awarded[7].ShouldBe("Cheques & Co NV");
        awarded[8].ShouldBe("25000,00");
        mine.Single(r => r[3] == "2")[4].ShouldBe("Neemt deel");

        var (_, french) = await CsvAsync($"api/administrations/OCMW/participations.csv?year={year}&lang=fr", TestUsers.Of("OCMW"), null);
        french[0][0].ShouldBe("Administration");
        french.Single(r => r[1] == reference && r[3] == "1")[4].ShouldBe("Attribuée");
    }

    [Fact]
    public async Task The_cell_downloads_every_administrations_shares_and_they_add_up_to_the_award()
    {
        var reference = $"CA-{Guid.NewGuid():N}"[..20];
        await new MealVoucherTender(system.Api).AwardedDemoAsync(reference);

        var (_, rows) = await system.EventuallyAsync(() => CsvAsync($"api/exports/shares.csv?year={DateTime.UtcNow.Year}", TestUsers.Cell, null),
            csv => csv.Rows.Count(r => r[1] == reference && r[3] == "1" && r[8] != "") == 2);

        var shares = rows.Where(r => r[1] == reference && r[3] == "1").ToDictionary(r => r[0], r => decimal.Parse(r[8], System.Globalization.CultureInfo.GetCultureInfo("nl-BE")));
        shares.ShouldBe(new Dictionary<string, decimal> { ["GEMEENTE"] = 75_000.01m, ["OCMW"] = 25_000.00m }, ignoreOrder: true);
        shares.Values.Sum().ShouldBe(100_000.01m);
    }

    [Fact]
    public async Task A_year_out_of_range_is_a_problem_not_a_file()
    {
        var response = await system.Api.SendAsync(Write(HttpMethod.Get, "api/exports/shares.csv?year=1500", null, null), Ct);

        (await ProblemAsync(response, HttpStatusCode.UnprocessableEntity)).GetProperty("detail").GetString().ShouldNotBeNullOrEmpty();
    }

    private async Task<(byte[] Bytes, IReadOnlyList<string[]> Rows)> CsvAsync(string path, string user, string? language)
    {
        var response = await system.Api.SendAsync(Write(HttpMethod.Get, path, null, null, actor: user, language: language), Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var bytes = await response.Content.ReadAsByteArrayAsync(Ct);
        var text = System.Text.Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF');
        // The demo's texts hold no semicolons or quotes, so splitting is enough here; quoting has unit tests.
        return (bytes, text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(';')).ToArray());
    }
}
