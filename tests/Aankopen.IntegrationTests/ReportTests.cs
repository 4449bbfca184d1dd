using System.Net;
using Aankopen.Contracts.Api.V1;
using Shouldly;
using static Aankopen.IntegrationTests.HttpCalls;

namespace Aankopen.IntegrationTests;

/// <summary>The yearly synergy chapter from the service's own records, as data and as CSV.</summary>
[Collection(nameof(RunningSystem))]
public sealed class ReportTests(RunningSystem system)
{
    [Fact]
    public async Task The_year_shows_the_tender_opened_and_awarded_with_each_administrations_share_and_the_csv_adds_up()
    {
        var reference = $"RP-{Guid.NewGuid():N}"[..20];
        var tender = new MealVoucherTender(system.Api);
        await tender.AwardedDemoAsync(reference);
        var year = DateTime.UtcNow.Year;

        var report = await system.Api.AsAsync<SynergyReportView>(TestUsers.Auditor, HttpMethod.Get, $"api/reports/synergies/{year}");

        // The configured ones first; administrations registered through the API follow when they take part.
        report.Administrations.Take(2).ShouldBe(RunningSystem.Administrations);
        report.Opened.ShouldContain(t => t.Reference == reference && t.Participants.SequenceEqual(RunningSystem.Administrations));
        var award = report.Awarded.Single(l => l.Reference == reference);
        award.Shares.Select(s => (s.Administration, s.AmountExclVat)).ShouldBe([("GEMEENTE", 75_000.01m), ("OCMW", 25_000.00m)]);
        report.ThisYear.AwardedExclVat.ShouldBe(report.Awarded.Sum(l => l.AmountExclVat));
        report.PerAdministration.Sum(a => a.AwardedExclVat).ShouldBe(report.ThisYear.AwardedExclVat);

        var csv = await system.Api.SendAsync(Write(HttpMethod.Get, $"api/reports/synergies/{year}.csv?lang=fr", null, null, actor: TestUsers.Of("OCMW")), Ct);
        csv.StatusCode.ShouldBe(HttpStatusCode.OK);
        var lines = (await csv.Content.ReadAsStringAsync(Ct)).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldStartWith("Année;Type;Référence");
        lines.Where(l => l.Contains(reference)).Select(l => l.Split(';')[8]).ShouldBe(["GEMEENTE", "OCMW"]);
        lines.Single(l => l.Contains(reference) && l.Contains(";OCMW;")).ShouldContain(";25000,00;");
    }

    [Fact]
    public async Task Another_municipality_sees_none_of_it_and_a_year_out_of_range_is_refused()
    {
        var reference = $"RQ-{Guid.NewGuid():N}"[..20];
        await new MealVoucherTender(system.Api).AwardedDemoAsync(reference);

        var other = await system.Api.AsAsync<SynergyReportView>(TestUsers.OtherCell, HttpMethod.Get, $"api/reports/synergies/{DateTime.UtcNow.Year}");

        other.Opened.ShouldNotContain(t => t.Reference == reference);
        other.Administrations.ShouldBe([RunningSystem.OtherCity, RunningSystem.OtherOcmw], ignoreOrder: true);
        var refused = await system.Api.SendAsync(Write(HttpMethod.Get, "api/reports/synergies/1800", null, null), Ct);
        refused.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
    }
}
