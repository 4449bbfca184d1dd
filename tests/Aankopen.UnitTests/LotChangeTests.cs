using Aankopen.Domain;
using Aankopen.Domain.Tenders;
using Aankopen.Domain.Tenders.AddLot;
using Aankopen.Domain.Tenders.ChangeLot;
using Aankopen.Domain.Tenders.OpenOptIn;
using Aankopen.Domain.Tenders.RemoveLot;
using Shouldly;
using static Aankopen.UnitTests.Samples;

namespace Aankopen.UnitTests;

public class LotChangeTests
{
    private static LotDetails Details(ContractTerms? terms = null) => new("Papieren maaltijdcheques", "30199770-8", 120_000m, 0m, terms ?? YearlyForFourYears);

    [Fact]
    public void A_draft_takes_lots_and_then_opens_for_opt_in()
    {
        TenderSpec.Given(Drafted("GEMEENTE", "OCMW"), Lot(1))
            .When(t => OpenOptInDecider.Decide(t, new OpenOptInCommand(Cell), Now))
            .Then(new OptInOpened(TenderId, Cell, Now));
    }

    [Fact]
    public void A_draft_without_lots_cannot_open()
    {
        TenderSpec.Given(Drafted("GEMEENTE", "OCMW"))
            .When(t => OpenOptInDecider.Decide(t, new OpenOptInCommand(Cell), Now))
            .ThenRefused("no-lots", ErrorKind.Conflict);
    }

    [Fact]
    public void A_tender_already_open_cannot_open_again()
    {
        TenderSpec.Given(Opened("GEMEENTE", "OCMW"), Lot(1))
            .When(t => OpenOptInDecider.Decide(t, new OpenOptInCommand(Cell), Now))
            .ThenRefused("not-a-draft", ErrorKind.Conflict);
    }

    [Fact]
    public void A_draft_whose_deadline_passed_cannot_open()
    {
        TenderSpec.Given(Drafted("GEMEENTE", "OCMW"), Lot(1))
            .When(t => OpenOptInDecider.Decide(t, new OpenOptInCommand(Cell), AfterDeadline))
            .ThenRefused("opt-in-deadline-passed", ErrorKind.Conflict);
    }

    [Fact]
    public void Nobody_opts_into_a_draft()
    {
        TenderSpec.Given(Drafted("GEMEENTE", "OCMW"), Lot(1))
            .When(t => Aankopen.Domain.Tenders.OptInToLot.OptInDecider.Decide(t,
                new Aankopen.Domain.Tenders.OptInToLot.OptInCommand(1, "OCMW", 1_000m, null, "0900/123-48", Cell), Now))
            .ThenRefused("tender-draft", ErrorKind.Conflict);
    }

    [Fact]
    public void Lots_of_a_draft_can_be_changed_even_after_the_deadline()
    {
        var terms = YearlyForFourYears with { MaxRenewals = 1 };
        TenderSpec.Given(Drafted("GEMEENTE", "OCMW"), Lot(1))
            .When(t => ChangeLotDecider.Decide(t, new ChangeLotCommand(1, Details(terms), Cell), AfterDeadline))
            .Then(new LotChanged(TenderId, 1, "Papieren maaltijdcheques", "30199770-8", 120_000m, 0m, terms, Cell, AfterDeadline));
    }

    [Fact]
    public void Changing_a_lot_keeps_its_opt_ins()
    {
        var tender = JointTender.Fold([Opened("GEMEENTE", "OCMW"), Lot(1), OptIn(1, "OCMW", 5_000m),
            new LotChanged(TenderId, 1, "Nieuw", "30199770-8", 1_000m, 6m, YearlyForFourYears, Cell, Now)])!;

        tender.Lots[1].Title.ShouldBe("Nieuw");
        tender.Lots[1].VatRate.ShouldBe(6m);
        tender.Lots[1].OptInOf("OCMW").ShouldNotBeNull();
    }

    [Fact]
    public void A_lot_cannot_change_after_the_opt_in_closed()
    {
        TenderSpec.Given(Opened("GEMEENTE", "OCMW"), Lot(1), OptIn(1, "OCMW", 1_000m), Closed())
            .When(t => ChangeLotDecider.Decide(t, new ChangeLotCommand(1, Details(), Cell), Now))
            .ThenRefused("opt-in-closed", ErrorKind.Conflict);
    }

    [Fact]
    public void A_lot_cannot_change_after_the_deadline_of_an_open_tender()
    {
        TenderSpec.Given(Opened("GEMEENTE", "OCMW"), Lot(1))
            .When(t => ChangeLotDecider.Decide(t, new ChangeLotCommand(1, Details(), Cell), AfterDeadline))
            .ThenRefused("opt-in-deadline-passed", ErrorKind.Conflict);
    }

    [Fact]
    public void Changing_a_missing_lot_is_not_found()
    {
        TenderSpec.Given(Opened("GEMEENTE", "OCMW"), Lot(1))
            .When(t => ChangeLotDecider.Decide(t, new ChangeLotCommand(9, Details(), Cell), Now))
            .ThenRefused("lot-not-found", ErrorKind.NotFound);
    }

    [Fact]
    public void Removing_a_lot_takes_its_opt_ins_with_it()
    {
        TenderSpec.Given(Opened("GEMEENTE", "OCMW"), Lot(1), Lot(2), OptIn(2, "OCMW", 1_000m))
            .When(t => RemoveLotDecider.Decide(t, new RemoveLotCommand(2, Cell), Now))
            .Then(new LotRemoved(TenderId, 2, Cell, Now));
        JointTender.Fold([Opened("GEMEENTE"), Lot(1), Lot(2), new LotRemoved(TenderId, 2, Cell, Now)])!.Lots.Keys.ShouldBe([1]);
    }

    [Fact]
    public void A_lot_cannot_be_removed_after_closing()
    {
        TenderSpec.Given(Opened("GEMEENTE", "OCMW"), Lot(1), OptIn(1, "OCMW", 1_000m), Closed())
            .When(t => RemoveLotDecider.Decide(t, new RemoveLotCommand(1, Cell), Now))
            .ThenRefused("opt-in-closed", ErrorKind.Conflict);
    }

    [Fact]
    public void A_framework_agreement_longer_than_four_years_is_refused()
    {
        var fiveYears = YearlyForFourYears with { MaxRenewals = 4 };
        var error = TenderSpec.Given(Opened("GEMEENTE", "OCMW"))
            .When(t => AddLotDecider.Decide(t, new AddLotCommand(null, Details(fiveYears), Cell), Now))
            .ThenRefused("framework-too-long", ErrorKind.Invalid);
        error.Nl.ShouldContain("60 maanden");
        error.Field.ShouldBe("terms");
    }

    [Fact]
    public void A_longer_framework_agreement_is_accepted_with_a_justification()
    {
        var justified = YearlyForFourYears with { MaxRenewals = 4, LongerDurationJustification = "Afschrijving van de investering" };
        var decision = AddLotDecider.Decide(JointTender.Fold([Opened("GEMEENTE", "OCMW")])!, new AddLotCommand(null, Details(justified), Cell), Now);

        decision.Events.ShouldHaveSingleItem().ShouldBeOfType<LotAdded>().Terms.TotalMonths.ShouldBe(60);
    }

    [Fact]
    public void A_contract_that_does_not_renew_ignores_renewal_fields()
    {
        var decision = AddLotDecider.Decide(JointTender.Fold([Opened("GEMEENTE", "OCMW")])!,
            new AddLotCommand(null, Details(new ContractTerms(null, 24, false, 12, 9, 30)), Cell), Now);

        var terms = decision.Events.ShouldHaveSingleItem().ShouldBeOfType<LotAdded>().Terms;
        terms.RenewalMonths.ShouldBe(0);
        terms.MaxRenewals.ShouldBe(0);
        terms.TotalMonths.ShouldBe(24);
    }

    [Theory]
    [InlineData(0, true, 12, 1, 30, "initial-period-invalid")]
    [InlineData(12, true, 0, 1, 30, "renewal-period-invalid")]
    [InlineData(12, true, 12, 0, 30, "max-renewals-invalid")]
    [InlineData(12, false, 0, 0, -1, "notice-period-invalid")]
    public void Contract_terms_out_of_range_are_refused(int initial, bool renewable, int renewal, int maxRenewals, int notice, string code)
    {
        TenderSpec.Given(Opened("GEMEENTE", "OCMW"))
            .When(t => AddLotDecider.Decide(t, new AddLotCommand(null, Details(new ContractTerms(null, initial, renewable, renewal, maxRenewals, notice)), Cell), Now))
            .ThenRefused(code, ErrorKind.Invalid);
    }

    [Fact]
    public void A_lot_needs_contract_terms()
    {
        TenderSpec.Given(Opened("GEMEENTE", "OCMW"))
            .When(t => AddLotDecider.Decide(t, new AddLotCommand(null, new LotDetails("Papier", "30197630-1", 1_000m, 21m, null), Cell), Now))
            .ThenRefused("required", ErrorKind.Invalid).Field.ShouldBe("terms");
    }

    [Fact]
    public void An_absurd_estimate_is_refused()
    {
        TenderSpec.Given(Opened("GEMEENTE", "OCMW"))
            .When(t => AddLotDecider.Decide(t, new AddLotCommand(null, Details() with { EstimatedValueExclVat = 1e20m }, Cell), Now))
            .ThenRefused("amount-invalid", ErrorKind.Invalid);
    }
}
