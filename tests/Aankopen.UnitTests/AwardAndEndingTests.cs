using Aankopen.Domain;
using Aankopen.Domain.Tenders;
using Aankopen.Domain.Tenders.AwardLot;
using Aankopen.Domain.Tenders.CancelTender;
using Aankopen.Domain.Tenders.DeclareLotNotAwarded;
using Aankopen.Domain.Tenders.PublishTender;
using Aankopen.Domain.Tenders.TerminateLot;
using Shouldly;
using static Aankopen.UnitTests.Samples;

namespace Aankopen.UnitTests;

public class AwardAndEndingTests
{
    private static readonly DateOnly Start = new(2027, 1, 1);
    private static readonly DateOnly End = new(2027, 12, 31);

    private static readonly object[] PublishedWithTwoParticipants =
    [
        Opened("GEMEENTE", "OCMW", "POLITIE"), Lot(1, vatRate: 21m),
        OptIn(1, "GEMEENTE", 60_000m, "0100/123-48"), OptIn(1, "OCMW", 40_000m, "0900/123-48"), Closed(), Published(), .. AllApproved,
    ];

    private static AwardLotCommand Award(decimal amount, IReadOnlyList<ExplicitShare>? shares = null, string supplierId = "0212.000.131") =>
        new(1, "Cheques & Co NV", supplierId, amount, Start, End, shares, Cell);

    [Fact]
    public void Publishing_records_the_notice()
    {
        TenderSpec.Given(Opened("GEMEENTE", "OCMW"), Lot(1), OptIn(1, "OCMW", 1_000m), Closed())
            .When(t => PublishTenderDecider.Decide(t, new PublishTenderCommand(" BDA-2026-1 ", new DateOnly(2026, 11, 20), Cell), Now))
            .Then(new TenderPublished(TenderId, "BDA-2026-1", new DateOnly(2026, 11, 20), Cell, Now));
    }

    [Fact]
    public void Publishing_after_the_deadline_first_closes_the_opt_in()
    {
        TenderSpec.Given(Opened("GEMEENTE", "OCMW"), Lot(1), Lot(2), OptIn(1, "OCMW", 1_000m))
            .When(t => PublishTenderDecider.Decide(t, new PublishTenderCommand("BDA-2026-1", new DateOnly(2026, 12, 11), Cell), AfterDeadline))
            .Then(
                new OptInClosed(TenderId, [2], true, TenderRules.DeadlineActor, Deadline),
                new TenderPublished(TenderId, "BDA-2026-1", new DateOnly(2026, 12, 11), Cell, AfterDeadline));
    }

    [Fact]
    public void Publishing_while_the_opt_in_is_open_is_refused()
    {
        TenderSpec.Given(Opened("GEMEENTE", "OCMW"), Lot(1))
            .When(t => PublishTenderDecider.Decide(t, new PublishTenderCommand("BDA-1", new DateOnly(2026, 11, 20), Cell), Now))
            .ThenRefused("opt-in-still-open", ErrorKind.Conflict);
    }

    [Fact]
    public void Publishing_twice_is_refused()
    {
        TenderSpec.Given(PublishedWithTwoParticipants)
            .When(t => PublishTenderDecider.Decide(t, new PublishTenderCommand("BDA-2", new DateOnly(2026, 12, 3), Cell), AfterDeadline))
            .ThenRefused("already-published", ErrorKind.Conflict);
    }

    [Fact]
    public void A_tender_whose_lots_were_all_dropped_is_not_published()
    {
        TenderSpec.Given(Opened("GEMEENTE", "OCMW"), Lot(1), Closed(1))
            .When(t => PublishTenderDecider.Decide(t, new PublishTenderCommand("BDA-1", new DateOnly(2026, 12, 2), Cell), AfterDeadline))
            .ThenRefused("no-lots-left", ErrorKind.Conflict);
    }

    [Fact]
    public void A_publication_date_in_the_future_is_refused()
    {
        TenderSpec.Given(Opened("GEMEENTE", "OCMW"), Lot(1), OptIn(1, "OCMW", 1_000m), Closed())
            .When(t => PublishTenderDecider.Decide(t, new PublishTenderCommand("BDA-1", new DateOnly(2027, 6, 1), Cell), Now))
            .ThenRefused("publication-date-invalid", ErrorKind.Invalid);
    }

    [Fact]
    public void Explicit_shares_are_taken_as_given_and_incl_vat_follows_them()
    {
        var decision = AwardLotDecider.Decide(JointTender.Fold(PublishedWithTwoParticipants)!,
            Award(1_000.00m, [new ExplicitShare("OCMW", 333.33m), new ExplicitShare("GEMEENTE", 666.67m)]), AfterDeadline);

        var awarded = decision.Events.ShouldHaveSingleItem().ShouldBeOfType<LotAwarded>();
        awarded.ExplicitShares.ShouldBeTrue();
        awarded.Shares.Select(s => (s.Administration, s.AmountExclVat)).ShouldBe([("GEMEENTE", 666.67m), ("OCMW", 333.33m)]);
        awarded.Shares.Sum(s => s.AmountInclVat).ShouldBe(1_210.00m);
        awarded.Shares[0].AmountInclVat.ShouldBe(806.67m);
    }

    [Fact]
    public void Explicit_shares_that_do_not_add_up_are_refused()
    {
        TenderSpec.Given(PublishedWithTwoParticipants)
            .When(t => AwardLotDecider.Decide(t, Award(1_000m, [new ExplicitShare("OCMW", 300m), new ExplicitShare("GEMEENTE", 600m)]), AfterDeadline))
            .ThenRefused("shares-do-not-add-up", ErrorKind.Invalid);
    }

    [Fact]
    public void An_explicit_share_for_a_non_participant_is_refused()
    {
        TenderSpec.Given(PublishedWithTwoParticipants)
            .When(t => AwardLotDecider.Decide(t, Award(1_000m,
                [new ExplicitShare("OCMW", 300m), new ExplicitShare("GEMEENTE", 600m), new ExplicitShare("POLITIE", 100m)]), AfterDeadline))
            .ThenRefused("share-not-participant", ErrorKind.Invalid);
    }

    [Fact]
    public void Every_participant_needs_an_explicit_share()
    {
        TenderSpec.Given(PublishedWithTwoParticipants)
            .When(t => AwardLotDecider.Decide(t, Award(1_000m, [new ExplicitShare("GEMEENTE", 1_000m)]), AfterDeadline))
            .ThenRefused("share-missing", ErrorKind.Invalid);
    }

    [Fact]
    public void Quantities_split_the_award_when_nobody_gave_an_amount()
    {
        var decision = AwardLotDecider.Decide(JointTender.Fold([Opened("GEMEENTE", "OCMW"), Lot(1),
                OptIn(1, "GEMEENTE", null, quantity: 3m), OptIn(1, "OCMW", null, quantity: 1m), Closed(), Published(), .. AllApproved])!,
            Award(100m), AfterDeadline);

        decision.Events.ShouldHaveSingleItem().ShouldBeOfType<LotAwarded>().Shares.Select(s => s.AmountExclVat).ShouldBe([75m, 25m]);
    }

    [Fact]
    public void Mixed_estimates_need_explicit_shares()
    {
        TenderSpec.Given([Opened("GEMEENTE", "OCMW"), Lot(1), OptIn(1, "GEMEENTE", 500m), OptIn(1, "OCMW", null, quantity: 1m), Closed(), Published(), .. AllApproved])
            .When(t => AwardLotDecider.Decide(t, Award(100m), AfterDeadline))
            .ThenRefused("explicit-shares-required", ErrorKind.Conflict);
    }

    [Theory]
    [InlineData("FR40303265045", "FR40303265045")]
    [InlineData("nl 8194.00.445.B01", "NL819400445B01")]
    [InlineData("BE0212000131", "0212.000.131")]
    public void A_supplier_is_identified_by_a_belgian_number_or_a_foreign_vat_id(string given, string recorded)
    {
        AwardLotDecider.Decide(JointTender.Fold(PublishedWithTwoParticipants)!, Award(100m, supplierId: given), AfterDeadline)
            .Events.ShouldHaveSingleItem().ShouldBeOfType<LotAwarded>().SupplierId.ShouldBe(recorded);
    }

    [Theory]
    [InlineData("US123456789")]
    [InlineData("FR")]
    [InlineData("0212.000.132")]
    public void Other_supplier_ids_are_refused(string given)
    {
        TenderSpec.Given(PublishedWithTwoParticipants)
            .When(t => AwardLotDecider.Decide(t, Award(100m, supplierId: given), AfterDeadline))
            .ThenRefused("supplier-id-invalid", ErrorKind.Invalid);
    }

    [Fact]
    public void A_lot_declared_not_awarded_records_why_and_cannot_be_awarded_afterwards()
    {
        TenderSpec.Given(PublishedWithTwoParticipants)
            .When(t => DeclareLotNotAwardedDecider.Decide(t, new DeclareLotNotAwardedCommand(1, " Geen regelmatige offerte ", Cell), AfterDeadline))
            .Then(new LotNotAwarded(TenderId, 1, "Geen regelmatige offerte", Cell, AfterDeadline));
        TenderSpec.Given([.. PublishedWithTwoParticipants, new LotNotAwarded(TenderId, 1, "Geen offerte", Cell, AfterDeadline)])
            .When(t => AwardLotDecider.Decide(t, Award(100m), AfterDeadline))
            .ThenRefused("lot-not-awarded", ErrorKind.Conflict);
    }

    [Fact]
    public void Declaring_not_awarded_needs_a_reason()
    {
        TenderSpec.Given(PublishedWithTwoParticipants)
            .When(t => DeclareLotNotAwardedDecider.Decide(t, new DeclareLotNotAwardedCommand(1, " ", Cell), AfterDeadline))
            .ThenRefused("required", ErrorKind.Invalid);
    }

    [Fact]
    public void A_tender_is_cancelled_before_award_and_then_nothing_changes_it()
    {
        TenderSpec.Given(Opened("GEMEENTE", "OCMW"), Lot(1))
            .When(t => CancelTenderDecider.Decide(t, new CancelTenderCommand("Budget ingetrokken", Cell), Now))
            .Then(new TenderCancelled(TenderId, "Budget ingetrokken", Cell, Now));
        TenderSpec.Given(Opened("GEMEENTE", "OCMW"), Lot(1), new TenderCancelled(TenderId, "Budget ingetrokken", Cell, Now))
            .When(t => OptInDecider(t))
            .ThenRefused("tender-cancelled", ErrorKind.Conflict);
    }

    private static Decision OptInDecider(JointTender t) =>
        Aankopen.Domain.Tenders.OptInToLot.OptInDecider.Decide(t, new Aankopen.Domain.Tenders.OptInToLot.OptInCommand(1, "OCMW", 1m, null, "x", Cell), Now);

    [Fact]
    public void A_tender_with_an_awarded_lot_cannot_be_cancelled()
    {
        TenderSpec.Given([.. PublishedWithTwoParticipants, Awarded(1, new AwardShare("GEMEENTE", 100m, 121m, "0100/123-48"))])
            .When(t => CancelTenderDecider.Decide(t, new CancelTenderCommand("Te duur", Cell), AfterDeadline))
            .ThenRefused("already-awarded", ErrorKind.Conflict);
    }

    [Fact]
    public void An_awarded_lot_is_terminated_during_its_contract()
    {
        var on = new DateOnly(2027, 6, 30);
        TenderSpec.Given([.. PublishedWithTwoParticipants, Awarded(1, new AwardShare("GEMEENTE", 100m, 121m, "0100/123-48"))])
            .When(t => TerminateLotDecider.Decide(t, new TerminateLotCommand(1, on, "Wanprestatie", Cell), AfterDeadline))
            .Then(new LotTerminated(TenderId, 1, on, "Wanprestatie", Cell, AfterDeadline, TerminationGround.Other));
    }

    [Fact]
    public void A_termination_outside_the_contract_period_is_refused()
    {
        TenderSpec.Given([.. PublishedWithTwoParticipants, Awarded(1, new AwardShare("GEMEENTE", 100m, 121m, "0100/123-48"))])
            .When(t => TerminateLotDecider.Decide(t, new TerminateLotCommand(1, new DateOnly(2030, 1, 1), "Wanprestatie", Cell), AfterDeadline))
            .ThenRefused("termination-date-invalid", ErrorKind.Invalid);
    }

    [Fact]
    public void A_lot_without_a_contract_cannot_be_terminated()
    {
        TenderSpec.Given(PublishedWithTwoParticipants)
            .When(t => TerminateLotDecider.Decide(t, new TerminateLotCommand(1, Start, "Wanprestatie", Cell), AfterDeadline))
            .ThenRefused("lot-not-running", ErrorKind.Conflict);
    }

    [Fact]
    public void A_lot_is_terminated_once()
    {
        TenderSpec.Given([.. PublishedWithTwoParticipants, Awarded(1, new AwardShare("GEMEENTE", 100m, 121m, "0100/123-48")),
                new LotTerminated(TenderId, 1, Start, "Wanprestatie", Cell, AfterDeadline)])
            .When(t => TerminateLotDecider.Decide(t, new TerminateLotCommand(1, Start, "Nog eens", Cell), AfterDeadline))
            .ThenRefused("lot-already-terminated", ErrorKind.Conflict);
    }
}
