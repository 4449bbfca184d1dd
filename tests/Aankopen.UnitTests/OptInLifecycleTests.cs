using Aankopen.Domain;
using Aankopen.Domain.Tenders;
using Aankopen.Domain.Tenders.CloseOptIn;
using Aankopen.Domain.Tenders.OptInToLot;
using Aankopen.Domain.Tenders.WithdrawOptIn;
using Shouldly;
using static Aankopen.UnitTests.Samples;

namespace Aankopen.UnitTests;

public class OptInLifecycleTests
{
    [Fact]
    public void An_opt_in_may_give_a_quantity_instead_of_an_amount()
    {
        TenderSpec.Given(Opened("GEMEENTE", "OCMW"), Lot(1))
            .When(t => OptInDecider.Decide(t, new OptInCommand(1, "OCMW", null, 2_500m, " 0900/123-48 ", Cell), Now))
            .Then(new OptedIn(TenderId, 1, "OCMW", null, 2_500m, "0900/123-48", Cell, Now));
    }

    [Fact]
    public void An_opt_in_needs_an_amount_or_a_quantity()
    {
        TenderSpec.Given(Opened("GEMEENTE", "OCMW"), Lot(1))
            .When(t => OptInDecider.Decide(t, new OptInCommand(1, "OCMW", null, null, "0900/123-48", Cell), Now))
            .ThenRefused("estimate-required", ErrorKind.Invalid);
    }

    [Fact]
    public void A_negative_quantity_is_refused()
    {
        TenderSpec.Given(Opened("GEMEENTE", "OCMW"), Lot(1))
            .When(t => OptInDecider.Decide(t, new OptInCommand(1, "OCMW", null, -3m, "0900/123-48", Cell), Now))
            .ThenRefused("quantity-invalid", ErrorKind.Invalid);
    }

    [Fact]
    public void An_opt_in_is_withdrawn_until_the_deadline()
    {
        TenderSpec.Given(Opened("GEMEENTE", "OCMW"), Lot(1), OptIn(1, "OCMW", 1_000m))
            .When(t => WithdrawOptInDecider.Decide(t, new WithdrawOptInCommand(1, "OCMW", Cell), Now))
            .Then(new OptInWithdrawn(TenderId, 1, "OCMW", Cell, Now));
        JointTender.Fold([Opened("GEMEENTE", "OCMW"), Lot(1), OptIn(1, "OCMW", 1_000m), new OptInWithdrawn(TenderId, 1, "OCMW", Cell, Now)])!
            .Lots[1].OptIns.ShouldBeEmpty();
    }

    [Fact]
    public void Withdrawing_after_the_deadline_is_refused()
    {
        TenderSpec.Given(Opened("GEMEENTE", "OCMW"), Lot(1), OptIn(1, "OCMW", 1_000m))
            .When(t => WithdrawOptInDecider.Decide(t, new WithdrawOptInCommand(1, "OCMW", Cell), AfterDeadline))
            .ThenRefused("opt-in-deadline-passed", ErrorKind.Conflict);
    }

    [Fact]
    public void Withdrawing_an_opt_in_that_does_not_exist_is_not_found()
    {
        TenderSpec.Given(Opened("GEMEENTE", "OCMW"), Lot(1), OptIn(1, "OCMW", 1_000m))
            .When(t => WithdrawOptInDecider.Decide(t, new WithdrawOptInCommand(1, "GEMEENTE", Cell), Now))
            .ThenRefused("opt-in-not-found", ErrorKind.NotFound);
    }

    [Fact]
    public void Withdrawing_for_an_administration_that_was_not_invited_is_refused()
    {
        TenderSpec.Given(Opened("GEMEENTE", "OCMW"), Lot(1))
            .When(t => WithdrawOptInDecider.Decide(t, new WithdrawOptInCommand(1, "POLITIE", Cell), Now))
            .ThenRefused("administration-not-invited", ErrorKind.Conflict);
    }

    [Fact]
    public void Closing_after_the_deadline_records_that_the_deadline_closed_it()
    {
        TenderSpec.Given(Opened("GEMEENTE", "OCMW"), Lot(1), Lot(2), OptIn(1, "OCMW", 1_000m))
            .When(t => CloseOptInDecider.Decide(t, new CloseOptInCommand(Cell), AfterDeadline))
            .Then(new OptInClosed(TenderId, [2], true, TenderRules.DeadlineActor, Deadline));
    }

    [Fact]
    public void A_draft_cannot_be_closed()
    {
        TenderSpec.Given(Drafted("GEMEENTE", "OCMW"), Lot(1))
            .When(t => CloseOptInDecider.Decide(t, new CloseOptInCommand(Cell), Now))
            .ThenRefused("tender-draft", ErrorKind.Conflict);
    }

    [Fact]
    public void Dropped_lots_do_not_count_in_the_live_lots()
    {
        var tender = JointTender.Fold([Opened("GEMEENTE", "OCMW"), Lot(1), Lot(2), OptIn(1, "OCMW", 1_000m), Closed(2)])!;

        tender.Lots[2].Status.ShouldBe(LotStatus.Dropped);
        tender.LiveLots.Select(l => l.Number).ShouldBe([1]);
    }
}
