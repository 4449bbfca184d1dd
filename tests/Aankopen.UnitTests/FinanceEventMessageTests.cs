using Aankopen.Contracts.Finance.V1;
using Aankopen.Domain.Tenders;
using Aankopen.Worker.Notifications;
using Shouldly;
using static Aankopen.UnitTests.Samples;

namespace Aankopen.UnitTests;

/// <summary>Which finance messages each stored event becomes: to whom, with which figures, never another's.</summary>
public class FinanceEventMessageTests
{
    private static readonly object[] OptedInTender =
    [
        Opened("GEMEENTE", "OCMW", "POLITIE"), Lot(1, vatRate: 21m), Lot(2, vatRate: 6m),
        OptIn(1, "GEMEENTE", 60_000m, "0100/123-48"), OptIn(1, "OCMW", 40_000m, "0900/123-48"), OptIn(2, "OCMW", null, "0900/7", quantity: 12m),
    ];

    private static IReadOnlyList<FinanceMessage> After(object[] history, object @event)
    {
        var before = JointTender.Fold(history)!;
        return FinanceMessages.For(new FinanceEvent(before, JointTender.Transition(before, @event)!, @event, Guid.Parse("01a20000-0000-7000-8000-0000000000aa"), "corr", Now));
    }

    [Fact]
    public void A_first_opt_in_registers_a_reservation_for_that_administration_only()
    {
        var message = After(OptedInTender, OptIn(1, "POLITIE", 10_000m, "330/1")).ShouldHaveSingleItem().ShouldBeOfType<ProvisionalReservation>();

        message.ShouldSatisfyAllConditions(
            m => m.AdministrationCode.ShouldBe("POLITIE"), m => m.Change.ShouldBe(ReservationChange.Registered),
            m => m.EstimatedAmountExclVat.ShouldBe(10_000m), m => m.EstimatedAmountInclVat.ShouldBe(12_100m), m => m.BudgetLine.ShouldBe("330/1"),
            m => m.BusinessKey.ShouldBe($"reservation/{m.MessageId}"));
    }

    [Fact]
    public void A_second_opt_in_of_the_same_administration_is_a_change()
    {
        After(OptedInTender, OptIn(1, "OCMW", 45_000m, "0900/123-48")).ShouldHaveSingleItem()
            .ShouldBeOfType<ProvisionalReservation>().Change.ShouldBe(ReservationChange.Changed);
    }

    [Fact]
    public void A_withdrawal_names_what_is_no_longer_reserved()
    {
        var message = After(OptedInTender, new OptInWithdrawn(TenderId, 2, "OCMW", Cell, Now)).ShouldHaveSingleItem().ShouldBeOfType<ProvisionalReservation>();

        message.ShouldSatisfyAllConditions(m => m.Change.ShouldBe(ReservationChange.Withdrawn), m => m.EstimatedQuantity.ShouldBe(12m),
            m => m.EstimatedAmountExclVat.ShouldBeNull(), m => m.BudgetLine.ShouldBe("0900/7"));
    }

    [Fact]
    public void Removing_a_lot_releases_each_participant_with_its_own_estimate()
    {
        var messages = After(OptedInTender, new LotRemoved(TenderId, 1, Cell, Now)).Cast<ReservationReleased>().ToArray();

        messages.Select(m => (m.AdministrationCode, m.Reason, m.CommittedExclVat, m.BudgetLine))
            .ShouldBe([("GEMEENTE", ReleaseReason.LotRemoved, (decimal?)60_000m, "0100/123-48"), ("OCMW", ReleaseReason.LotRemoved, 40_000m, "0900/123-48")]);
    }

    [Fact]
    public void Cancelling_releases_every_lot_of_every_participant_with_distinct_ids()
    {
        var messages = After(OptedInTender, new TenderCancelled(TenderId, "Budget", Cell, Now)).Cast<ReservationReleased>().ToArray();

        messages.Select(m => (m.LotNumber, m.AdministrationCode)).ShouldBe([(1, "GEMEENTE"), (1, "OCMW"), (2, "OCMW")]);
        messages.Select(m => m.MessageId).Distinct().Count().ShouldBe(3);
        messages.ShouldAllBe(m => m.Reason == ReleaseReason.TenderCancelled && m.Explanation == "Budget");
    }

    [Fact]
    public void Terminating_releases_each_awarded_share_from_the_termination_date()
    {
        object[] awarded = [.. OptedInTender, Closed(), Published(),
            Awarded(1, new AwardShare("GEMEENTE", 57_000m, 68_970m, "0100/123-48"), new AwardShare("OCMW", 38_000m, 45_980m, "0900/123-48"))];
        var on = new DateOnly(2027, 6, 30);

        var messages = After(awarded, new LotTerminated(TenderId, 1, on, "Wanprestatie", Cell, Now)).Cast<ReservationReleased>().ToArray();

        messages.Select(m => (m.AdministrationCode, m.CommittedExclVat, m.CommittedInclVat))
            .ShouldBe([("GEMEENTE", (decimal?)57_000m, (decimal?)68_970m), ("OCMW", 38_000m, 45_980m)]);
        messages.ShouldAllBe(m => m.EffectiveOn == on && m.Reason == ReleaseReason.LotTerminated);
    }

    [Fact]
    public void Events_that_change_no_administration_s_budget_say_nothing()
    {
        After(OptedInTender, new LotChanged(TenderId, 1, "Nieuw", "30199770-8", 1m, 21m, YearlyForFourYears, Cell, Now)).ShouldBeEmpty();
        After(OptedInTender, Closed(2)).ShouldBeEmpty();
    }
}
