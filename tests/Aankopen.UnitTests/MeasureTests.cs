using Aankopen.Domain.Measures;
using Aankopen.Reports.Synergies;
using Shouldly;
using static Aankopen.UnitTests.Samples;

namespace Aankopen.UnitTests;

/// <summary>Planned measures stay in every year's annex from their budget year until they are done or dropped.</summary>
public sealed class MeasureTests
{
    private static PlannedMeasure Measure(int from, MeasureStatus status = MeasureStatus.Planned, int? closedIn = null) =>
        new(Guid.NewGuid(), "Energie", "Énergie", "Gezamenlijke aankoop van groene stroom", "Achat conjoint d'électricité verte", from, status, closedIn, Cell, Now);

    [Fact]
    public void A_measure_is_planned_in_the_annex_before_its_budget_year_and_after_until_it_is_closed()
    {
        var measure = Measure(2027);
        // The annex of 2026 goes with the budget of 2027: it plans the measure already.
        new[] { 2025, 2026, 2027, 2030 }.Select(measure.PlannedIn).ShouldBe([false, true, true, true]);
        var done = measure with { Status = MeasureStatus.Done, ClosedIn = 2028 };
        new[] { 2027, 2028, 2029 }.Select(done.PlannedIn).ShouldBe([true, false, false]);
        new[] { 2027, 2028 }.Select(done.DoneIn).ShouldBe([false, true]);
        (measure with { Status = MeasureStatus.Dropped, ClosedIn = 2028 }).DoneIn(2028).ShouldBeFalse();
    }

    [Fact]
    public void A_measure_is_closed_once_as_done_or_dropped_in_a_year_it_could_be()
    {
        MeasureRules.CheckClosing(Measure(2027), MeasureStatus.Done, 2026, currentYear: 2027).ShouldBeNull();
        MeasureRules.CheckClosing(Measure(2027), MeasureStatus.Planned, 2027, currentYear: 2027)!.Code.ShouldBe("measure-status-invalid");
        MeasureRules.CheckClosing(Measure(2027), MeasureStatus.Done, 2025, currentYear: 2027)!.Code.ShouldBe("measure-year-invalid");
        // Not in a year still to come.
        MeasureRules.CheckClosing(Measure(2027), MeasureStatus.Done, 2028, currentYear: 2027)!.Nl.ShouldContain("van 2026 tot 2027");
        var closed = MeasureRules.CheckClosing(Measure(2027, MeasureStatus.Dropped, 2027), MeasureStatus.Done, 2028, currentYear: 2028)!;
        (closed.Code, closed.Kind).ShouldBe(("measure-closed", Aankopen.Domain.ErrorKind.Conflict));
        MeasureRules.CheckPlanned(" ", "x", "x", "x", 2027).Single().Field.ShouldBe("domainNl");
        MeasureRules.CheckPlanned("x", "x", "x", "x", 1999).Single().Field.ShouldBe("plannedFrom");
    }

    [Fact]
    public void The_annex_lists_the_planned_measures_per_domain_and_those_done_in_the_year_among_its_realisations()
    {
        var planned = Measure(2027);
        var done = Measure(2026, MeasureStatus.Done, 2026) with { DomainNl = "Papier", DomainFr = "Papier", TextNl = "Eén papiercontract", TextFr = "Un seul contrat de papier" };
        var report = SynergyReport.Build(2026, ["GEMEENTE", "OCMW"], [], [], [], new Dictionary<string, Aankopen.Domain.Memberships.PurchasingCentral>(),
            Administrations.All, [planned, done]);

        var french = SynergyChapter.Compose(report, french: true, new DateOnly(2027, 2, 1));
        var headings = french.OfType<Heading>().Select(h => h.Text).ToList();
        headings.ShouldContain("Mesures prévues à partir de 2027");
        french.OfType<Bullets>().SelectMany(b => b.Items).ShouldBe(["Réalisé (Papier) : Un seul contrat de papier", "Énergie : Achat conjoint d'électricité verte"]);
        SynergyReport.Build(2028, ["GEMEENTE"], [], [], [], new Dictionary<string, Aankopen.Domain.Memberships.PurchasingCentral>(), null, [done]).Measures.ShouldBeEmpty();
    }
}
