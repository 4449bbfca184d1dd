using System.Globalization;
using Aankopen.Domain;
using Aankopen.Domain.Tenders;
using Aankopen.Domain.Tenders.Thresholds;
using Shouldly;
using static Aankopen.UnitTests.Samples;

namespace Aankopen.UnitTests;

/// <summary>The law's ceilings on the procedures, on their edges: the dates (Brussels), the amounts, the subjects, the duration.</summary>
public sealed class ThresholdTests
{
    private static readonly ProcedureThresholds Law = ProcedureThresholds.Belgian;

    /// <summary>A tender opened at <paramref name="openedUtc"/> with one lot of <paramref name="perYear"/> a year for <paramref name="years"/> years (renewals included).</summary>
    private static JointTender Tender(string procedure, string openedUtc, decimal perYear, int years = 1, ContractSubject subject = ContractSubject.Supplies)
    {
        var opened = DateTimeOffset.Parse(openedUtc, CultureInfo.InvariantCulture);
        var terms = new ContractTerms(null, 12, years > 1, 12, years - 1, 90);
        return JointTender.Fold([
            Opened("GEMEENTE", "OCMW") with { Procedure = procedure, Subject = subject, OpenedAt = opened },
            Lot(1) with { EstimatedValueExclVat = perYear, Terms = terms },
        ])!;
    }

    [Theory]
    // The low-value negotiated procedure follows the EU threshold for central government, revision by revision.
    [InlineData("2017-06-29T12:00:00Z", null)]
    [InlineData("2017-06-30T12:00:00Z", 135_000)]
    [InlineData("2017-12-31T12:00:00Z", 135_000)]
    [InlineData("2018-01-01T12:00:00Z", 144_000)]
    [InlineData("2021-12-31T12:00:00Z", 139_000)]
    [InlineData("2022-06-15T12:00:00Z", 140_000)]
    [InlineData("2023-12-31T12:00:00Z", 140_000)]
    // 23:30 UTC on New Year's Eve is already 2024 in Brussels.
    [InlineData("2023-12-31T23:30:00Z", 143_000)]
    [InlineData("2024-01-01T12:00:00Z", 143_000)]
    [InlineData("2025-12-31T22:59:59Z", 143_000)]
    [InlineData("2025-12-31T23:00:00Z", 140_000)]
    [InlineData("2026-12-06T12:00:00Z", 140_000)]
    [InlineData("2027-12-31T22:59:59Z", 140_000)]
    [InlineData("2027-12-31T23:00:00Z", null)]
    public void The_ceiling_is_the_one_of_the_brussels_date_the_tender_was_opened(string openedUtc, int? ceiling)
    {
        var opened = BrusselsCalendar.DateOf(DateTimeOffset.Parse(openedUtc, CultureInfo.InvariantCulture));

        (Law.For("NegotiatedWithoutPriorPublication", ContractSubject.Supplies, opened)?.CeilingExclVat).ShouldBe((decimal?)ceiling);
    }

    [Theory]
    [InlineData("2017-07-01", ContractSubject.Supplies, 209_000)]
    [InlineData("2019-05-01", ContractSubject.Services, 221_000)]
    [InlineData("2020-05-01", ContractSubject.Supplies, 214_000)]
    [InlineData("2022-05-01", ContractSubject.Supplies, 215_000)]
    [InlineData("2024-05-01", ContractSubject.Services, 221_000)]
    [InlineData("2026-05-01", ContractSubject.Supplies, 216_000)]
    [InlineData("2026-05-01", ContractSubject.Works, 750_000)]
    [InlineData("2026-05-01", ContractSubject.SocialServices, 750_000)]
    public void The_negotiated_procedure_with_publication_stays_below_the_eu_threshold_of_its_subject(string opened, ContractSubject subject, int ceiling) =>
        Law.For("NegotiatedWithPriorPublication", subject, DateOnly.Parse(opened, CultureInfo.InvariantCulture))!.CeilingExclVat.ShouldBe(ceiling);

    [Fact]
    public void Every_procedure_with_a_ceiling_has_exactly_one_for_every_subject_and_day_from_2017_to_2027()
    {
        foreach (var procedure in new[] { "AcceptedInvoice", "NegotiatedWithoutPriorPublication", "NegotiatedWithPriorPublication" })
            foreach (var subject in Enum.GetValues<ContractSubject>())
                for (var day = BelgianThresholds.InForce; day <= BelgianThresholds.KnownUntil; day = day.AddDays(1))
                    BelgianThresholds.All.Count(t => t.AppliesTo(procedure, subject, day)).ShouldBe(1, $"{procedure} {subject} {day}");
        BelgianThresholds.All.ShouldAllBe(t => t.Source.Length > 0);
        Law.For("Open", ContractSubject.Supplies, new DateOnly(2026, 1, 1)).ShouldBeNull();
    }

    [Fact]
    public void The_estimate_counts_every_renewal_of_the_lot()
    {
        // 60,000 a year: a one-year lot is well below the 216,000 of 2026, four years (one renewable three times) above it.
        Law.WarningsFor(Tender("NegotiatedWithPriorPublication", "2026-12-06T10:00:00Z", 60_000m, years: 1)).ShouldBeEmpty();
        var fourYears = Tender("NegotiatedWithPriorPublication", "2026-12-06T10:00:00Z", 60_000m, years: 4);

        ProcedureThresholds.EstimatedOverFullDuration(fourYears).ShouldBe(240_000m);
        Law.WarningsFor(fourYears).ShouldHaveSingleItem().Code.ShouldBe("procedure-threshold-exceeded");
    }

    [Theory]
    [InlineData(215_999.99, false)]
    [InlineData(216_000.00, true)]
    public void Reaching_the_ceiling_is_enough_for_the_warning(decimal estimate, bool warned) =>
        Law.WarningsFor(Tender("NegotiatedWithPriorPublication", "2026-12-06T10:00:00Z", estimate)).Any().ShouldBe(warned);

    [Fact]
    public void The_warning_names_the_ceiling_its_procedure_its_source_and_its_validity_as_a_belgian_reader_writes_them()
    {
        var warning = Law.WarningsFor(Tender("NegotiatedWithPriorPublication", "2026-12-06T10:00:00Z", 230_000m)).ShouldHaveSingleItem();

        warning.Nl.ShouldContain("230.000,00 euro excl. btw");
        warning.Nl.ShouldContain("216.000,00 euro");
        warning.Nl.ShouldContain("vereenvoudigde onderhandelingsprocedure met voorafgaande bekendmaking voor leveringen");
        warning.Nl.ShouldContain("van 1 januari 2026 tot en met 31 december 2027");
        warning.Nl.ShouldContain("Delegated Regulation (EU) 2025/2152");
        var group = CultureInfo.GetCultureInfo("fr-BE").NumberFormat.NumberGroupSeparator;
        warning.Fr.ShouldContain($"216{group}000,00 euros");
        warning.Fr.ShouldContain("procédure négociée directe avec publication préalable pour des fournitures");
        warning.Fr.ShouldContain("du 1er janvier 2026 au 31 décembre 2027");
        warning.Nl.ShouldNotContain("NegotiatedWithPriorPublication");
    }

    [Fact]
    public void After_the_last_known_revision_the_cell_is_told_the_thresholds_are_not_known()
    {
        Law.WarningsFor(Tender("NegotiatedWithoutPriorPublication", "2028-03-01T10:00:00Z", 10_000m)).ShouldHaveSingleItem().Code
            .ShouldBe("procedure-thresholds-unknown");
        Law.WarningsFor(Tender("Open", "2028-03-01T10:00:00Z", 10_000_000m)).ShouldBeEmpty();
    }

    [Fact]
    public void An_accepted_invoice_stays_below_30000_euro()
    {
        Law.WarningsFor(Tender("AcceptedInvoice", "2026-12-06T10:00:00Z", 29_999.99m)).ShouldBeEmpty();
        Law.WarningsFor(Tender("AcceptedInvoice", "2026-12-06T10:00:00Z", 30_000m)).ShouldHaveSingleItem().Nl.ShouldContain("30.000,00 euro");
    }

    [Fact]
    public void Refusals_write_amounts_the_belgian_way_too()
    {
        var refused = InputChecks.NotPositiveAmount(1234.567m, "awardedAmountExclVat")!;

        refused.Nl.ShouldContain("1.234,567");
        refused.Nl.ShouldContain("10.000.000.000,00 euro");
        var group = CultureInfo.GetCultureInfo("fr-BE").NumberFormat.NumberGroupSeparator;
        refused.Fr.ShouldContain($"1{group}234,567");
        refused.Fr.ShouldContain($"10{group}000{group}000{group}000,00 euros");
    }
}
