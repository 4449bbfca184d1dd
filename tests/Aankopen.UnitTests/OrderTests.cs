using Aankopen.Contracts.Finance.V1;
using Aankopen.Domain;
using Aankopen.Domain.Administrations;
using Aankopen.Domain.Tenders;
using Aankopen.Domain.Tenders.PlaceOrder;
using Aankopen.Domain.Tenders.RaiseShare;
using Aankopen.Domain.Tenders.Renewals;
using Aankopen.Worker.Notifications;
using Shouldly;
using static Aankopen.UnitTests.Samples;

namespace Aankopen.UnitTests;

/// <summary>Under a framework agreement each administration orders against its own share, and each order is its commitment.</summary>
public class OrderTests
{
    private static readonly Administration City = Administrations.All[0];
    private static readonly Administration Ocmw = Administrations.All[1];
    private static readonly Administration Police = Administrations.All[2];
    private static readonly DateTimeOffset InPeriod = new(2027, 3, 1, 10, 0, 0, TimeSpan.Zero);

    private static readonly AwardShare CityShare = new("GEMEENTE", 6_000.00m, 7_260.00m, "0100/123-48");
    private static readonly AwardShare OcmwShare = new("OCMW", 4_000.00m, 4_840.00m, "0900/123-48");

    private static object[] Before(AgreementKind agreement) =>
    [
        Opened("GEMEENTE", "OCMW", "POLITIE"), Lot(1, vatRate: 21m), OptIn(1, "GEMEENTE", 60_000m, "0100/123-48"), OptIn(1, "OCMW", 40_000m, "0900/123-48"),
        Closed(), Published(), .. Approved(1, "GEMEENTE", "OCMW"),
        Awarded(1, CityShare, OcmwShare) with { Agreement = agreement == AgreementKind.Framework ? agreement : null },
    ];

    private static readonly object[] Framework = Before(AgreementKind.Framework);

    private static PlaceOrderCommand Order(Administration a, decimal amount, string reference = "BB/2027/001", DateOnly? on = null, decimal? inclVat = null) =>
        new(a, 1, on ?? new DateOnly(2027, 2, 15), reference, amount, inclVat, null, $"{a.Code.ToLowerInvariant()}@jette.example");

    private static Decision Place(object[] history, PlaceOrderCommand command, DateTimeOffset? now = null) =>
        PlaceOrderDecider.Decide(JointTender.Fold(history)!, command, now ?? InPeriod);

    private static object[] With(object[] history, PlaceOrderCommand command) => [.. history, .. Place(history, command).Events];

    [Fact]
    public void An_order_is_recorded_for_the_current_period_with_VAT_at_the_lots_rate_and_the_shares_budget_line()
    {
        var order = Place(Framework, Order(Ocmw, 1_000.10m, " BB/2027/001 ")).Events.ShouldHaveSingleItem().ShouldBeOfType<OrderRecorded>();
        order.ShouldSatisfyAllConditions(o => o.Number.ShouldBe(1), o => o.Administration.ShouldBe("OCMW"), o => o.Renewal.ShouldBe(0),
            o => o.Reference.ShouldBe("BB/2027/001"), o => o.AmountInclVat.ShouldBe(1_210.12m), o => o.BudgetLine.ShouldBe("0900/123-48"));
        var second = Place([.. Framework, order], Order(City, 10m, "BB/2027/001")).Events.ShouldHaveSingleItem().ShouldBeOfType<OrderRecorded>();
        second.Number.ShouldBe(2);
        // Amounts are kept to the cent, as every finance message carries them.
        second.AmountExclVat.ToString(System.Globalization.CultureInfo.InvariantCulture).ShouldBe("10.00");
    }

    [Fact]
    public void A_fixed_contract_an_administration_without_a_share_or_one_still_awaiting_its_award_decision_cannot_order()
    {
        Place(Before(AgreementKind.Fixed), Order(City, 10m)).Errors.ShouldHaveSingleItem().Code.ShouldBe("order-not-framework");
        var none = Place(Framework, Order(Police, 10m)).Errors.ShouldHaveSingleItem();
        none.ShouldSatisfyAllConditions(e => e.Code.ShouldBe("order-no-share"), e => e.Kind.ShouldBe(ErrorKind.Conflict));

        object[] waiting = [.. Framework[..^3], .. ConditionsApproved("GEMEENTE", "OCMW"), Decided(3, "GEMEENTE", DecisionKind.Award, 1),
            Awarded(1, CityShare, OcmwShare) with { Agreement = AgreementKind.Framework, AwaitingDecision = ["OCMW"] }];
        Place(waiting, Order(Ocmw, 10m)).Errors.ShouldHaveSingleItem().Code.ShouldBe("order-awaits-decision");
        Place(waiting, Order(City, 10m)).IsRefused.ShouldBeFalse();
    }

    [Fact]
    public void An_order_dated_outside_the_current_period_or_in_the_future_or_with_an_impossible_VAT_is_refused_with_the_field()
    {
        Place(Framework, Order(City, 10m, on: new DateOnly(2026, 12, 31))).Errors.ShouldHaveSingleItem()
            .ShouldSatisfyAllConditions(e => e.Code.ShouldBe("order-date-outside-period"), e => e.Field.ShouldBe("orderedOn"), e => e.Nl.ShouldContain("1 januari 2027"));
        Place(Framework, Order(City, 10m, on: new DateOnly(2027, 3, 2))).Errors.ShouldHaveSingleItem().Code.ShouldBe("order-date-future");
        // Midnight in Brussels: 1 March 2027 at 23:30 UTC is already 2 March there.
        Place(Framework, Order(City, 10m, on: new DateOnly(2027, 3, 2)), new DateTimeOffset(2027, 3, 1, 23, 30, 0, TimeSpan.Zero)).IsRefused.ShouldBeFalse();
        Place(Framework, Order(City, 100m, inclVat: 99.99m)).Errors.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            e => e.Code.ShouldBe("order-incl-vat-invalid"), e => e.Field.ShouldBe("amountInclVat"));
        Place(Framework, Order(City, 100m, inclVat: 121.01m)).Errors.ShouldHaveSingleItem().Code.ShouldBe("order-incl-vat-invalid");
        // A lower VAT rate on some articles is the supplier's to invoice.
        Place(Framework, Order(City, 100m, inclVat: 106m)).Events.ShouldHaveSingleItem().ShouldBeOfType<OrderRecorded>().AmountInclVat.ShouldBe(106m);
        Place(Framework, Order(City, 0m, reference: " ")).Errors.Select(e => e.Field).ShouldBe(["reference", "amountExclVat"], ignoreOrder: true);
    }

    [Fact]
    public void The_same_order_reference_twice_for_one_administration_is_refused()
    {
        var history = With(Framework, Order(City, 10m));
        Place(history, Order(City, 20m)).Errors.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            e => e.Code.ShouldBe("order-reference-used"), e => e.Kind.ShouldBe(ErrorKind.Conflict));
        Place(history, Order(Ocmw, 20m)).IsRefused.ShouldBeFalse();
    }

    [Fact]
    public void Orders_beyond_the_share_are_refused_until_the_cell_raises_it_with_a_reason()
    {
        var history = With(Framework, Order(Ocmw, 3_200m));
        var consumption = Consumption.Of(JointTender.Fold(history)!.Lots[1], "OCMW")!;
        consumption.ShouldSatisfyAllConditions(c => c.Percent.ShouldBe(80), c => c.Warns(80).ShouldBeTrue(), c => c.Warns(81).ShouldBeFalse(),
            c => c.RemainingExclVat.ShouldBe(800m), c => c.OrderedInclVat.ShouldBe(3_872m));

        Place(history, Order(Ocmw, 800m, "BB/2")).IsRefused.ShouldBeFalse();
        var beyond = Place(history, Order(Ocmw, 800.01m, "BB/2")).Errors.ShouldHaveSingleItem();
        beyond.ShouldSatisfyAllConditions(e => e.Code.ShouldBe("order-beyond-share"), e => e.Kind.ShouldBe(ErrorKind.Conflict),
            e => e.Nl.ShouldContain("800,00"), e => e.Fr.ShouldContain("CPAS de Jette"));

        var tender = JointTender.Fold(history)!;
        RaiseShareDecider.Decide(tender, new RaiseShareCommand(Ocmw, 1, 500m, " ", Cell), InPeriod).Errors.ShouldHaveSingleItem().Field.ShouldBe("reason");
        RaiseShareDecider.Decide(tender, new RaiseShareCommand(Ocmw, 1, -1m, "Meer personeel", Cell), InPeriod).Errors.ShouldHaveSingleItem().Field.ShouldBe("amountExclVat");
        var raised = RaiseShareDecider.Decide(tender, new RaiseShareCommand(Ocmw, 1, 500m, "Meer personeel", Cell), InPeriod).Events.ShouldHaveSingleItem();
        object[] afterRaise = [.. history, raised];
        Place(afterRaise, Order(Ocmw, 1_300m, "BB/2")).IsRefused.ShouldBeFalse();
        Place(afterRaise, Order(Ocmw, 1_300.01m, "BB/2")).Errors.ShouldHaveSingleItem().Code.ShouldBe("order-beyond-share");
        // The city's share is its own: the OCMW's raise gives it nothing.
        Consumption.Of(JointTender.Fold(afterRaise)!.Lots[1], "GEMEENTE")!.CeilingExclVat.ShouldBe(6_000m);
    }

    [Fact]
    public void A_framework_award_announces_each_ceiling_and_commits_nothing_and_each_order_goes_to_its_own_administration_only()
    {
        var before = JointTender.Fold(Framework[..^1])!;
        var awarded = (LotAwarded)Framework[^1];
        var after = JointTender.Fold(Framework)!;
        var atAward = FinanceMessages.For(new FinanceEvent(before, after, awarded, Guid.NewGuid(), "c", InPeriod));
        atAward.ShouldAllBe(m => m is FrameworkShareAnnounced);
        atAward.Cast<FrameworkShareAnnounced>().Select(m => (m.AdministrationCode, m.ShareExclVat, m.Renewal, m.BusinessKey)).ShouldBe(
            [("GEMEENTE", 6_000m, 0, $"framework/{TenderId:N}/1/GEMEENTE/0"), ("OCMW", 4_000m, 0, $"framework/{TenderId:N}/1/OCMW/0")]);

        var order = Place(Framework, Order(Ocmw, 1_000m)).Events.ShouldHaveSingleItem();
        var placed = FinanceMessages.For(new FinanceEvent(after, JointTender.Transition(after, order)!, order, Guid.NewGuid(), "c2", InPeriod))
            .ShouldHaveSingleItem().ShouldBeOfType<OrderPlaced>();
        placed.ShouldSatisfyAllConditions(m => m.AdministrationCode.ShouldBe("OCMW"), m => m.AmountInclVat.ShouldBe(1_210m),
            m => m.OrderReference.ShouldBe("BB/2027/001"), m => m.BudgetLine.ShouldBe("0900/123-48"), m => m.PeriodEnd.ShouldBe(new DateOnly(2027, 12, 31)));
        System.Text.Json.JsonSerializer.Serialize(placed).ShouldNotContain("0100/123-48");

        // A raise is the service's permission, not a booking: no finance system hears of it.
        var raise = RaiseShareDecider.Decide(after, new RaiseShareCommand(Ocmw, 1, 10m, "Reden", Cell), InPeriod).Events.ShouldHaveSingleItem();
        FinanceMessages.For(new FinanceEvent(after, JointTender.Transition(after, raise)!, raise, Guid.NewGuid(), "c3", InPeriod)).ShouldBeEmpty();
    }

    [Fact]
    public void A_renewal_of_a_framework_announces_the_new_ceilings_and_the_count_starts_again()
    {
        var history = With(Framework, Order(City, 5_000m));
        var tender = JointTender.Fold(history)!;
        var renewing = RenewalDeciders.Advance(tender, new DateOnly(2028, 1, 1), 30, new DateTimeOffset(2028, 1, 1, 6, 0, 0, TimeSpan.Zero)).Events;
        var renewed = renewing.OfType<LotRenewed>().ShouldHaveSingleItem();
        var beforeRenewal = renewing.TakeWhile(e => e is not LotRenewed).Aggregate(tender, (s, e) => JointTender.Transition(s, e)!);
        var afterRenewal = JointTender.Transition(beforeRenewal, renewed)!;

        var messages = FinanceMessages.For(new FinanceEvent(beforeRenewal, afterRenewal, renewed, Guid.NewGuid(), "r", InPeriod));
        messages.ShouldAllBe(m => m is FrameworkShareAnnounced && ((FrameworkShareAnnounced)m).Renewal == 1);
        messages.Count.ShouldBe(2);
        Consumption.Of(afterRenewal.Lots[1], "GEMEENTE")!.ShouldSatisfyAllConditions(c => c.OrderedExclVat.ShouldBe(0m), c => c.Renewal.ShouldBe(1));
        // An order of the period before, entered late, counts there, against that period's share.
        var late = PlaceOrderDecider.Decide(afterRenewal, Order(City, 1_000m, "BB/9", new DateOnly(2027, 12, 30)), new DateTimeOffset(2028, 1, 2, 9, 0, 0, TimeSpan.Zero))
            .Events.ShouldHaveSingleItem().ShouldBeOfType<OrderRecorded>();
        late.Renewal.ShouldBe(0);
        // Its finance message names the period it counts in.
        FinanceMessages.For(new FinanceEvent(afterRenewal, JointTender.Transition(afterRenewal, late)!, late, Guid.NewGuid(), "l", InPeriod))
            .ShouldHaveSingleItem().ShouldBeOfType<OrderPlaced>().PeriodEnd.ShouldBe(new DateOnly(2027, 12, 31));
        PlaceOrderDecider.Decide(afterRenewal, Order(City, 1_000.01m, "BB/9", new DateOnly(2027, 12, 30)), new DateTimeOffset(2028, 1, 2, 9, 0, 0, TimeSpan.Zero))
            .Errors.ShouldHaveSingleItem().Code.ShouldBe("order-beyond-share");
        PlaceOrderDecider.Decide(afterRenewal, Order(City, 10m, "BB/8", new DateOnly(2026, 12, 31)), new DateTimeOffset(2028, 1, 2, 9, 0, 0, TimeSpan.Zero))
            .Errors.ShouldHaveSingleItem().Code.ShouldBe("order-date-outside-period");
    }

    [Fact]
    public void Renewed_ahead_of_time_the_running_period_still_takes_orders_also_from_the_administration_that_declined()
    {
        var declined = new RenewalDeclined(TenderId, 1, 1, "OCMW", "ocmw@jette.example", InPeriod);
        var tender = JointTender.Fold([.. Framework, declined])!;
        var renewed = RenewalDeciders.RenewNow(tender, 1, Cell, InPeriod).Events.OfType<LotRenewed>().ShouldHaveSingleItem();
        var early = JointTender.Transition(tender, renewed)!;
        early.Lots[1].Running!.PeriodStart.ShouldBe(new DateOnly(2028, 1, 1));

        var city = PlaceOrderDecider.Decide(early, Order(City, 100m), InPeriod).Events.ShouldHaveSingleItem().ShouldBeOfType<OrderRecorded>();
        city.Renewal.ShouldBe(0);
        PlaceOrderDecider.Decide(early, Order(Ocmw, 4_000m), InPeriod).Events.ShouldHaveSingleItem().ShouldBeOfType<OrderRecorded>().Renewal.ShouldBe(0);
        // The OCMW has no share of the next period.
        PlaceOrderDecider.Decide(JointTender.Transition(early, city)!, Order(Ocmw, 10m, "BB/2", new DateOnly(2028, 1, 5)), new DateTimeOffset(2028, 1, 5, 9, 0, 0, TimeSpan.Zero))
            .Errors.ShouldHaveSingleItem().Code.ShouldBe("order-no-share-then");
    }

    [Fact]
    public void When_a_framework_ends_its_finance_systems_hear_the_ceiling_fall_with_no_amount_the_orders_stay_committed()
    {
        var tender = JointTender.Fold(With(Framework, Order(Ocmw, 1_000m)))!;
        var terminated = new Aankopen.Domain.Tenders.LotTerminated(TenderId, 1, new DateOnly(2027, 6, 30), "Wanprestatie", Cell, InPeriod);
        var releases = FinanceMessages.For(new FinanceEvent(tender, JointTender.Transition(tender, terminated)!, terminated, Guid.NewGuid(), "t", InPeriod))
            .Cast<ReservationReleased>().ToArray();
        releases.Select(r => r.AdministrationCode).ShouldBe(["GEMEENTE", "OCMW"]);
        releases.ShouldAllBe(r => r.CommittedExclVat == null && r.CommittedInclVat == null && r.Explanation!.Contains("plafond"));
        // A fixed contract's release still carries what was committed.
        var fixedTender = JointTender.Fold(Before(AgreementKind.Fixed))!;
        FinanceMessages.For(new FinanceEvent(fixedTender, JointTender.Transition(fixedTender, terminated)!, terminated, Guid.NewGuid(), "t", InPeriod))
            .Cast<ReservationReleased>().Select(r => r.CommittedExclVat).ShouldBe([6_000m, 4_000m]);
    }
}
