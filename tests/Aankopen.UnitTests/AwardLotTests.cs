using Aankopen.Domain;
using Aankopen.Domain.Tenders;
using Aankopen.Domain.Tenders.AwardLot;
using Shouldly;
using static Aankopen.UnitTests.Samples;

namespace Aankopen.UnitTests;

public class AwardLotTests
{
    private const string Supplier = "Cheques & Co NV";
    private const string SupplierNumber = "BE0212000131";
    private static readonly DateOnly Start = new(2027, 1, 1);
    private static readonly DateOnly End = new(2027, 12, 31);

    /// <summary>Without dates an award is decided and concluded on the publication date at the earliest (these samples award before it).</summary>
    private static readonly DateOnly Decided = Published().PublishedOn;

    private static AwardLotCommand Award(int lot, decimal amount, string supplierNumber = SupplierNumber) =>
        new(lot, Supplier, supplierNumber, amount, Start, End, null, Cell);

    [Fact]
    public void Equal_estimates_of_three_administrations_split_100_euro_as_33_34_33_33_33_33()
    {
        TenderSpec.Given([Opened("GEMEENTE", "OCMW", "POLITIE"), Lot(1),
                OptIn(1, "POLITIE", 500m, "330/123-48"), OptIn(1, "GEMEENTE", 500m, "0100/123-48"), OptIn(1, "OCMW", 500m, "0900/123-48"),
                Closed(), Published(), .. AllApproved])
            .When(t => AwardLotDecider.Decide(t, Award(1, 100.00m), Now))
            .Then(new LotAwarded(TenderId, 1, Supplier, "0212.000.131", 100.00m, 0m, 100.00m, Start, End,
            [
                // In invitation order, whatever order they opted in: the first invited gets the leftover cent.
                new AwardShare("GEMEENTE", 33.34m, 33.34m, "0100/123-48"),
                new AwardShare("OCMW", 33.33m, 33.33m, "0900/123-48"),
                new AwardShare("POLITIE", 33.33m, 33.33m, "330/123-48"),
            ], false, Cell, Now, DecidedOn: Decided, ConcludedOn: Start));
    }

    [Fact]
    public void Shares_follow_the_opt_in_estimates_and_each_column_adds_up_incl_vat()
    {
        TenderSpec.Given([Opened("GEMEENTE", "OCMW"), Lot(1, vatRate: 21m),
                OptIn(1, "GEMEENTE", 300_000m, "0100/123-48"), OptIn(1, "OCMW", 100_000m, "0900/123-48"), Closed(), Published(), .. AllApproved])
            .When(t => AwardLotDecider.Decide(t, Award(1, 1_000.01m), Now))
            .Then(new LotAwarded(TenderId, 1, Supplier, "0212.000.131", 1_000.01m, 21m, 1_210.01m, Start, End,
            [
                // 1000.01 x 3/4 = 750.0075 -> 750.01 (largest fraction); each share incl. VAT is its own invoice:
                // 750.01 x 1.21 = 907.5121 -> 907.51, 250.00 x 1.21 = 302.50; the award incl. VAT is their sum.
                new AwardShare("GEMEENTE", 750.01m, 907.51m, "0100/123-48"),
                new AwardShare("OCMW", 250.00m, 302.50m, "0900/123-48"),
            ], false, Cell, Now, DecidedOn: Decided, ConcludedOn: Start));
    }

    [Fact]
    public void Each_share_incl_vat_is_its_own_invoice_and_the_award_incl_vat_their_sum()
    {
        // Seen before: 38,523.24 excl. was booked as 40,834.64 incl., where 38,523.24 + 6 % is 40,834.63.
        TenderSpec.Given([Opened("GEMEENTE", "OCMW"), Lot(1, vatRate: 6m),
                OptIn(1, "GEMEENTE", 74_607m, "0100/123-48"), OptIn(1, "OCMW", 8_272m, "0900/123-48"), Closed(), Published(), .. AllApproved])
            .When(t => AwardLotDecider.Decide(t, Award(1, 42_794.48m), Now))
            .Then(new LotAwarded(TenderId, 1, Supplier, "0212.000.131", 42_794.48m, 6m, 45_362.14m, Start, End,
            [
                new AwardShare("GEMEENTE", 38_523.24m, 40_834.63m, "0100/123-48"),
                new AwardShare("OCMW", 4_271.24m, 4_527.51m, "0900/123-48"),
            ], false, Cell, Now, DecidedOn: Decided, ConcludedOn: Start));
    }

    [Fact]
    public void A_contract_period_other_than_the_lots_initial_period_needs_a_reason_which_is_recorded()
    {
        var published = JointTender.Fold([Opened("GEMEENTE", "OCMW"), Lot(1), OptIn(1, "GEMEENTE", 1_000m), Closed(), Published(), .. AllApproved])!;
        AwardLotCommand Eighteen(string? reason) => new(1, Supplier, SupplierNumber, 150_000m, Start, new DateOnly(2028, 6, 30), null, Cell, reason);

        var refused = AwardLotDecider.Decide(published, Eighteen(null), Now).Errors.ShouldHaveSingleItem();
        refused.Field.ShouldBe("periodDifferenceReason");
        refused.Nl.ShouldContain("18 maanden");
        refused.Nl.ShouldContain("12 maanden");
        AwardLotDecider.Decide(published, Eighteen(" Gunning na vertraging "), Now).Events.OfType<LotAwarded>().ShouldHaveSingleItem()
            .PeriodDifferenceReason.ShouldBe("Gunning na vertraging");
        AwardLotDecider.Decide(published, Award(1, 900m), Now).Events.OfType<LotAwarded>().ShouldHaveSingleItem().PeriodDifferenceReason.ShouldBeNull();
    }

    [Fact]
    public void A_framework_agreement_runs_at_most_four_years_from_its_conclusion_renewals_included()
    {
        var published = JointTender.Fold([Opened("GEMEENTE", "OCMW"), Lot(1), OptIn(1, "GEMEENTE", 1_000m), Closed(), Published(), .. AllApproved])!;
        var now = new DateTimeOffset(2026, 12, 10, 9, 0, 0, TimeSpan.Zero);
        AwardLotCommand Concluded(DateOnly concluded, DateOnly? end = null) =>
            new(1, Supplier, SupplierNumber, 900m, Start, end ?? End, null, Cell, "Later gestart", new DateOnly(2026, 12, 3), concluded);

        // Concluded on 3 December 2026, starting 1 January 2027: four years end on 2 December 2030,
        // so of three yearly renewals only two fit (the third would end on 31 December 2030).
        var award = AwardLotDecider.Decide(published, Concluded(new DateOnly(2026, 12, 3)), now).Events.OfType<LotAwarded>().ShouldHaveSingleItem();
        award.ConcludedOn.ShouldBe(new DateOnly(2026, 12, 3));
        JointTender.Transition(published, award)!.Lots[1].Running!.PossibleRenewals.ShouldBe(2);
        // Without a conclusion date it counts from the start: all three fit, as before.
        JointTender.Transition(published, AwardLotDecider.Decide(published, Award(1, 900m), now).Events.OfType<LotAwarded>().Single())!
            .Lots[1].Running!.PossibleRenewals.ShouldBe(3);

        AwardLotDecider.Decide(published, Concluded(new DateOnly(2026, 12, 3), new DateOnly(2030, 12, 31)), now).Errors.ShouldHaveSingleItem()
            .Code.ShouldBe("framework-too-long");
        AwardLotDecider.Decide(published, Concluded(new DateOnly(2027, 1, 2)), now).Errors.ShouldHaveSingleItem().Code.ShouldBe("conclusion-date-invalid");
        AwardLotDecider.Decide(published, Concluded(new DateOnly(2026, 12, 3)) with { DecidedOn = new DateOnly(2026, 12, 11) }, now)
            .Errors.ShouldHaveSingleItem().Code.ShouldBe("decision-date-invalid");
    }

    [Fact]
    public void Awarding_before_publication_is_refused()
    {
        TenderSpec.Given(Opened("GEMEENTE", "OCMW"), Lot(1), OptIn(1, "OCMW", 1_000m), Closed())
            .When(t => AwardLotDecider.Decide(t, Award(1, 900m), Now))
            .ThenRefused("not-published", ErrorKind.Conflict);
    }

    [Fact]
    public void A_dropped_lot_cannot_be_awarded()
    {
        TenderSpec.Given([Opened("GEMEENTE", "OCMW"), Lot(1), Lot(2), OptIn(1, "OCMW", 1_000m), Closed(2), Published(), .. AllApproved])
            .When(t => AwardLotDecider.Decide(t, Award(2, 900m), Now))
            .ThenRefused("lot-dropped", ErrorKind.Conflict);
    }

    [Fact]
    public void A_lot_is_awarded_once()
    {
        object[] history = [Opened("GEMEENTE", "OCMW"), Lot(1), OptIn(1, "OCMW", 1_000m), Closed(), Published(), .. AllApproved];
        var first = AwardLotDecider.Decide(JointTender.Fold(history)!, Award(1, 900m), Now);

        TenderSpec.Given([.. history, .. first.Events])
            .When(t => AwardLotDecider.Decide(t, Award(1, 900m), Now))
            .ThenRefused("lot-already-awarded", ErrorKind.Conflict);
    }

    [Fact]
    public void A_supplier_enterprise_number_with_a_wrong_check_digit_is_refused()
    {
        TenderSpec.Given([Opened("GEMEENTE", "OCMW"), Lot(1), OptIn(1, "OCMW", 1_000m), Closed(), Published(), .. AllApproved])
            .When(t => AwardLotDecider.Decide(t, Award(1, 900m, "0212.000.132"), Now))
            .ThenRefused("supplier-id-invalid", ErrorKind.Invalid);
    }

    [Fact]
    public void A_contract_that_ends_before_it_starts_is_refused()
    {
        TenderSpec.Given([Opened("GEMEENTE", "OCMW"), Lot(1), OptIn(1, "OCMW", 1_000m), Closed(), Published(), .. AllApproved])
            .When(t => AwardLotDecider.Decide(t, new AwardLotCommand(1, Supplier, SupplierNumber, 900m, End, Start, null, Cell), Now))
            .ThenRefused("contract-period-invalid", ErrorKind.Invalid);
    }
}
