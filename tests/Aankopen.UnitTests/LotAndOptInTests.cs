using Aankopen.Domain;
using Aankopen.Domain.Tenders;
using Aankopen.Domain.Tenders.AddLot;
using Aankopen.Domain.Tenders.CloseOptIn;
using Aankopen.Domain.Tenders.OptInToLot;
using Shouldly;
using static Aankopen.UnitTests.Samples;

namespace Aankopen.UnitTests;

public class LotAndOptInTests
{
    [Fact]
    public void A_lot_without_a_number_takes_the_next_free_one()
    {
        TenderSpec.Given(Opened("GEMEENTE", "OCMW"), Lot(1))
            .When(t => AddLotDecider.Decide(t, new AddLotCommand(null, new LotDetails("Elektronische maaltijdcheques", "30199770-8", 250_000m, 0m, YearlyForFourYears), Cell), Now))
            .Then(new LotAdded(TenderId, 2, "Elektronische maaltijdcheques", "30199770-8", 250_000m, 0m, YearlyForFourYears, Cell, Now));
    }

    [Fact]
    public void A_lot_number_can_be_used_once()
    {
        TenderSpec.Given(Opened("GEMEENTE", "OCMW"), Lot(1))
            .When(t => AddLotDecider.Decide(t, new AddLotCommand(1, new LotDetails("Dubbel", "30199770-8", 1m, 21m, YearlyForFourYears), Cell), Now))
            .ThenRefused("lot-exists", ErrorKind.Conflict);
    }

    [Fact]
    public void A_vat_rate_Belgium_does_not_have_is_refused()
    {
        TenderSpec.Given(Opened("GEMEENTE", "OCMW"))
            .When(t => AddLotDecider.Decide(t, new AddLotCommand(null, new LotDetails("Papier", "30197630-1", 1000m, 19m, YearlyForFourYears), Cell), Now))
            .ThenRefused("vat-rate-invalid", ErrorKind.Invalid);
    }

    [Fact]
    public void An_invited_administration_opts_in_with_its_own_estimate_and_budget_line()
    {
        TenderSpec.Given(Opened("GEMEENTE", "OCMW"), Lot(1))
            .When(t => OptInDecider.Decide(t, new OptInCommand(1, "OCMW", 40_000m, null, "0900/123-48", "ocmw@jette.example"), Now))
            .Then(new OptedIn(TenderId, 1, "OCMW", 40_000m, null, "0900/123-48", "ocmw@jette.example", Now));
    }

    [Fact]
    public void A_later_opt_in_replaces_the_earlier_one()
    {
        var tender = JointTender.Fold([Opened("GEMEENTE", "OCMW"), Lot(1), OptIn(1, "OCMW", 40_000m), OptIn(1, "OCMW", 45_000m, "0900/999-48")])!;

        var optIn = tender.Lots[1].OptInOf("OCMW").ShouldNotBeNull();
        optIn.EstimatedAmountExclVat.ShouldBe(45_000m);
        optIn.BudgetLine.ShouldBe("0900/999-48");
        tender.Lots[1].OptIns.Count.ShouldBe(1);
    }

    [Fact]
    public void An_administration_that_was_not_invited_cannot_opt_in()
    {
        TenderSpec.Given(Opened("GEMEENTE", "OCMW"), Lot(1))
            .When(t => OptInDecider.Decide(t, new OptInCommand(1, "POLITIE", 1_000m, null, "330/123-48", "politie@west.example"), Now))
            .ThenRefused("administration-not-invited", ErrorKind.Conflict);
    }

    [Fact]
    public void Opting_in_after_the_deadline_is_refused_naming_the_deadline()
    {
        var error = TenderSpec.Given(Opened("GEMEENTE", "OCMW"), Lot(1))
            .When(t => OptInDecider.Decide(t, new OptInCommand(1, "OCMW", 1_000m, null, "0900/123-48", "ocmw@jette.example"), Deadline.AddSeconds(1)))
            .ThenRefused("opt-in-deadline-passed", ErrorKind.Conflict);
        error.Nl.ShouldContain("1 december 2026 om 13:00");
    }

    [Fact]
    public void Opting_in_after_closing_is_refused()
    {
        TenderSpec.Given(Opened("GEMEENTE", "OCMW"), Lot(1), OptIn(1, "OCMW", 1_000m), Closed())
            .When(t => OptInDecider.Decide(t, new OptInCommand(1, "GEMEENTE", 1_000m, null, "0100/123-48", "gemeente@jette.example"), Now))
            .ThenRefused("opt-in-closed", ErrorKind.Conflict);
    }

    [Fact]
    public void Opting_into_a_lot_that_does_not_exist_is_not_found()
    {
        TenderSpec.Given(Opened("GEMEENTE", "OCMW"), Lot(1))
            .When(t => OptInDecider.Decide(t, new OptInCommand(7, "OCMW", 1_000m, null, "0900/123-48", "ocmw@jette.example"), Now))
            .ThenRefused("lot-not-found", ErrorKind.NotFound);
    }

    [Fact]
    public void An_amount_in_fractions_of_a_cent_is_refused()
    {
        TenderSpec.Given(Opened("GEMEENTE", "OCMW"), Lot(1))
            .When(t => OptInDecider.Decide(t, new OptInCommand(1, "OCMW", 10.005m, null, "0900/123-48", "ocmw@jette.example"), Now))
            .ThenRefused("amount-invalid", ErrorKind.Invalid);
    }

    [Fact]
    public void Closing_drops_the_lots_nobody_opted_into()
    {
        TenderSpec.Given(Opened("GEMEENTE", "OCMW"), Lot(1), Lot(2), Lot(3), OptIn(2, "OCMW", 1_000m))
            .When(t => CloseOptInDecider.Decide(t, new CloseOptInCommand(Cell), Now))
            .Then(new OptInClosed(TenderId, [1, 3], false, Cell, Now));
    }

    [Fact]
    public void Closing_twice_is_refused()
    {
        TenderSpec.Given(Opened("GEMEENTE", "OCMW"), Lot(1), OptIn(1, "OCMW", 1_000m), Closed())
            .When(t => CloseOptInDecider.Decide(t, new CloseOptInCommand(Cell), Now))
            .ThenRefused("opt-in-already-closed", ErrorKind.Conflict);
    }
}
