using Aankopen.Contracts.Finance.V1;
using Aankopen.Domain;
using Aankopen.Domain.Administrations;
using Aankopen.Domain.Tenders;
using Aankopen.Domain.Tenders.AwardLot;
using Aankopen.Domain.Tenders.RecordDecision;
using Aankopen.Domain.Tenders.SuperviseDecision;
using Aankopen.Worker.Notifications;
using Shouldly;
using static Aankopen.UnitTests.Samples;

namespace Aankopen.UnitTests;

/// <summary>Each administration decides for itself; the award and the finance messages wait for those decisions.</summary>
public class DecisionTests
{
    private static readonly Administration City = Administrations.All[0];
    private static readonly Administration Ocmw = Administrations.All[1];
    private static readonly Administration Police = Administrations.All[2];

    private static readonly object[] Published2 =
    [
        Opened("GEMEENTE", "OCMW"), Lot(1, vatRate: 21m), OptIn(1, "GEMEENTE", 60_000m, "0100/123-48"), OptIn(1, "OCMW", 40_000m, "0900/123-48"),
        Closed(), Published(),
    ];

    private static JointTender State(params object[] events) => JointTender.Fold(events)!;

    private static RecordDecisionCommand Record(Administration a, DecisionKind kind = DecisionKind.Conditions, int? lot = null, int? renewal = null,
        DecidingBody? body = null, DateOnly? on = null, string reference = "RMW/2026/17") =>
        new(a, kind, lot, renewal, body ?? (a.Kind == AdministrationKind.City ? DecidingBody.MunicipalCouncil : DecidingBody.SocialWelfareCouncil), null,
            on ?? new DateOnly(2026, 11, 18), reference, "secretaris@jette.example");

    private static AwardLotCommand Award() => new(1, "Cheques & Co NV", "BE0403170701", 95_000m, new(2027, 1, 1), new(2027, 12, 31), null, Cell);

    private static Decision Recorded(object[] history, RecordDecisionCommand command) => RecordDecisionDecider.Decide(State(history), command, Now);

    [Fact]
    public void A_council_approving_the_conditions_is_recorded_with_body_date_reference_and_the_next_number()
    {
        var first = Recorded(Published2, Record(City, reference: " GR/2026/045 ")).Events.ShouldHaveSingleItem().ShouldBeOfType<DecisionRecorded>();
        first.ShouldSatisfyAllConditions(e => e.Number.ShouldBe(1), e => e.Administration.ShouldBe("GEMEENTE"), e => e.Body.ShouldBe(DecidingBody.MunicipalCouncil),
            e => e.Reference.ShouldBe("GR/2026/045"), e => e.LotNumber.ShouldBeNull(), e => e.BodyName.ShouldBeNull());

        var second = Recorded([.. Published2, first], Record(Ocmw, body: DecidingBody.StandingBureau)).Events.ShouldHaveSingleItem().ShouldBeOfType<DecisionRecorded>();
        second.Number.ShouldBe(2);
    }

    [Fact]
    public void A_body_must_be_one_of_the_administrations_own()
    {
        var error = Recorded(Published2, Record(City, body: DecidingBody.StandingBureau)).Errors.ShouldHaveSingleItem();
        error.ShouldSatisfyAllConditions(e => e.Code.ShouldBe("decision-body-unfit"), e => e.Field.ShouldBe("body"),
            e => e.Nl.ShouldContain("Gemeente Jette"), e => e.Fr.ShouldContain("Commune de Jette"));
        Recorded(Published2, Record(Ocmw, body: DecidingBody.College)).Errors.ShouldHaveSingleItem().Code.ShouldBe("decision-body-unfit");
        // Another body (a delegation) is named in full.
        Recorded(Published2, Record(City, body: DecidingBody.Other)).Errors.ShouldHaveSingleItem().Field.ShouldBe("bodyName");
        Recorded(Published2, Record(City, body: DecidingBody.Other) with { BodyName = " Algemeen directeur " }).Events.ShouldHaveSingleItem()
            .ShouldBeOfType<DecisionRecorded>().BodyName.ShouldBe("Algemeen directeur");
    }

    [Fact]
    public void A_decision_is_dated_no_later_than_today_in_brussels()
    {
        // 23:30 UTC on 19 November is already 20 November in Brussels.
        var lateEvening = new DateTimeOffset(2026, 11, 19, 23, 30, 0, TimeSpan.Zero);
        RecordDecisionDecider.Decide(State(Published2), Record(City, on: new DateOnly(2026, 11, 20)), lateEvening).IsRefused.ShouldBeFalse();
        var refused = RecordDecisionDecider.Decide(State(Published2), Record(City, on: new DateOnly(2026, 11, 21)), lateEvening).Errors.ShouldHaveSingleItem();
        refused.ShouldSatisfyAllConditions(e => e.Code.ShouldBe("decision-date-future"), e => e.Nl.ShouldContain("21 november 2026"));
    }

    [Fact]
    public void Only_an_invited_administration_decides_and_only_on_what_it_takes_part_in()
    {
        Recorded(Published2, Record(Police, body: DecidingBody.Other) with { BodyName = "Politieraad" }).Errors.ShouldHaveSingleItem()
            .Code.ShouldBe("administration-not-invited");
        object[] approved = [.. Published2, .. ConditionsApproved("GEMEENTE", "OCMW")];
        Recorded(approved, Record(City, DecisionKind.Award)).Errors.ShouldHaveSingleItem().Code.ShouldBe("decision-lot-required");
        Recorded(approved, Record(City, DecisionKind.Award, lot: 7)).Errors.ShouldHaveSingleItem().Code.ShouldBe("decision-lot-unknown");
        Recorded(approved, Record(City, DecisionKind.Conditions, lot: 1)).Errors.ShouldHaveSingleItem().Code.ShouldBe("decision-conditions-whole-tender");
        Recorded(approved, Record(City, DecisionKind.Renewal, lot: 1, renewal: 1)).Errors.ShouldHaveSingleItem().Code.ShouldBe("decision-lot-not-running");
        object[] withLot2 = [Opened("GEMEENTE", "OCMW"), Lot(1), Lot(2), OptIn(1, "GEMEENTE", 1m), OptIn(2, "OCMW", 1m), Closed(), Published(),
            .. ConditionsApproved("GEMEENTE", "OCMW")];
        Recorded(withLot2, Record(City, DecisionKind.Award, lot: 2)).Errors.ShouldHaveSingleItem().Code.ShouldBe("decision-lot-not-taken");
    }

    [Fact]
    public void An_award_decision_follows_the_conditions_in_force_and_is_recorded_once_unless_annulled()
    {
        Recorded(Published2, Record(City, DecisionKind.Award, lot: 1)).Errors.ShouldHaveSingleItem().Code.ShouldBe("decision-conditions-missing");
        object[] suspended = [.. Published2, Decided(1, "GEMEENTE"), Supervised(1, "GEMEENTE", SupervisionAct.Suspended)];
        Recorded(suspended, Record(City, DecisionKind.Award, lot: 1)).Errors.ShouldHaveSingleItem().Code.ShouldBe("decision-conditions-suspended");

        object[] approved = [.. Published2, Decided(1, "GEMEENTE")];
        var again = Recorded(approved, Record(City)).Errors.ShouldHaveSingleItem();
        again.ShouldSatisfyAllConditions(e => e.Code.ShouldBe("decision-already-recorded"), e => e.Kind.ShouldBe(ErrorKind.Conflict), e => e.Nl.ShouldContain("GEMEENTE/2026/1"));
        Recorded([.. approved, Supervised(1, "GEMEENTE", SupervisionAct.Annulled)], Record(City)).Events.ShouldHaveSingleItem()
            .ShouldBeOfType<DecisionRecorded>().Number.ShouldBe(2);
    }

    [Fact]
    public void No_share_is_awarded_before_its_administrations_conditions_decision_is_in_force()
    {
        var missing = AwardLotDecider.Decide(State([.. Published2, Decided(1, "GEMEENTE")]), Award(), Now, Administrations.All).Errors.ShouldHaveSingleItem();
        missing.ShouldSatisfyAllConditions(e => e.Code.ShouldBe("decision-conditions-missing"), e => e.Kind.ShouldBe(ErrorKind.Conflict),
            e => e.Nl.ShouldContain("OCMW Jette"), e => e.Fr.ShouldContain("CPAS de Jette"));

        object[] suspended = [.. Published2, .. ConditionsApproved("GEMEENTE", "OCMW"), Supervised(2, "OCMW", SupervisionAct.Suspended)];
        AwardLotDecider.Decide(State(suspended), Award(), Now, Administrations.All).Errors.ShouldHaveSingleItem().Code.ShouldBe("decision-conditions-suspended");
        AwardLotDecider.Decide(State([.. suspended, Supervised(2, "OCMW", SupervisionAct.SuspensionLifted)]), Award(), Now, Administrations.All)
            .IsRefused.ShouldBeFalse();
    }

    [Fact]
    public void A_share_whose_award_decision_is_missing_waits_and_its_finance_system_hears_of_it_once_the_decision_is_recorded()
    {
        object[] history = [.. Published2, .. ConditionsApproved("GEMEENTE", "OCMW"), Decided(3, "GEMEENTE", DecisionKind.Award, 1)];
        var awarded = AwardLotDecider.Decide(State(history), Award(), Now).Events.OfType<LotAwarded>().ShouldHaveSingleItem();
        awarded.AwaitingDecision.ShouldBe(["OCMW"]);
        var afterAward = State([.. history, awarded]);
        afterAward.Lots[1].Award!.AwaitingDecision.ShouldBe(["OCMW"]);

        var atAward = FinanceMessages.For(new FinanceEvent(State(history), afterAward, awarded, Guid.NewGuid(), "c", Now));
        atAward.ShouldHaveSingleItem().ShouldBeOfType<LotAwardedShare>().AdministrationCode.ShouldBe("GEMEENTE");

        var ocmwDecides = Recorded([.. history, awarded], Record(Ocmw, DecisionKind.Award, lot: 1)).Events.ShouldHaveSingleItem();
        var decided = JointTender.Transition(afterAward, ocmwDecides)!;
        decided.Lots[1].Award!.AwaitingDecision.ShouldBeEmpty();
        var released = FinanceMessages.For(new FinanceEvent(afterAward, decided, ocmwDecides, Guid.NewGuid(), "c2", Now))
            .ShouldHaveSingleItem().ShouldBeOfType<LotAwardedShare>();
        var ocmwShare = awarded.Shares.Single(s => s.Administration == "OCMW");
        released.ShouldSatisfyAllConditions(m => m.AdministrationCode.ShouldBe("OCMW"), m => m.ShareExclVat.ShouldBe(ocmwShare.AmountExclVat),
            m => m.ShareInclVat.ShouldBe(ocmwShare.AmountInclVat), m => m.BudgetLine.ShouldBe("0900/123-48"), m => m.AwardedBy.ShouldBe(Cell),
            m => m.BusinessKey.ShouldBe($"award/{TenderId:N}/1/OCMW"));
        // Any other decision releases nothing.
        var cityRenewal = Decided(5, "GEMEENTE", DecisionKind.Conditions);
        FinanceMessages.For(new FinanceEvent(decided, JointTender.Transition(decided, cityRenewal)!, cityRenewal, Guid.NewGuid(), "c3", Now)).ShouldBeEmpty();
    }

    [Fact]
    public void A_suspended_award_decision_holds_the_share_until_the_suspension_is_lifted()
    {
        object[] history = [.. Published2, .. ConditionsApproved("GEMEENTE", "OCMW"), Decided(3, "GEMEENTE", DecisionKind.Award, 1),
            Decided(4, "OCMW", DecisionKind.Award, 1), Supervised(4, "OCMW", SupervisionAct.Suspended)];
        var awarded = AwardLotDecider.Decide(State(history), Award(), Now).Events.OfType<LotAwarded>().ShouldHaveSingleItem();
        awarded.AwaitingDecision.ShouldBe(["OCMW"]);
        var before = State([.. history, awarded]);

        var lifted = Supervised(4, "OCMW", SupervisionAct.SuspensionLifted);
        var after = JointTender.Transition(before, lifted)!;
        FinanceMessages.For(new FinanceEvent(before, after, lifted, Guid.NewGuid(), "c", Now)).ShouldHaveSingleItem()
            .ShouldBeOfType<LotAwardedShare>().AdministrationCode.ShouldBe("OCMW");
    }

    [Fact]
    public void A_share_still_waiting_for_its_award_decision_is_neither_released_nor_renewed()
    {
        object[] history = [.. Published2, .. ConditionsApproved("GEMEENTE", "OCMW"), Decided(3, "GEMEENTE", DecisionKind.Award, 1)];
        var awarded = AwardLotDecider.Decide(State(history), Award(), Now).Events.OfType<LotAwarded>().Single();
        var before = State([.. history, awarded]);

        var terminated = new LotTerminated(TenderId, 1, new DateOnly(2027, 6, 30), "Wanprestatie", Cell, Now);
        FinanceMessages.For(new FinanceEvent(before, JointTender.Transition(before, terminated)!, terminated, Guid.NewGuid(), "c", Now))
            .ShouldHaveSingleItem().AdministrationCode.ShouldBe("GEMEENTE");
        var due = new RenewalBecameDue(TenderId, 1, 1, new DateOnly(2027, 10, 2), new DateOnly(2028, 1, 1), Cell, Now, awarded.Shares);
        FinanceMessages.For(new FinanceEvent(before, JointTender.Transition(before, due)!, due, Guid.NewGuid(), "c", Now))
            .ShouldHaveSingleItem().AdministrationCode.ShouldBe("GEMEENTE");
    }

    private static IReadOnlyList<FinanceMessage> MessagesOf(JointTender before, object @event) =>
        FinanceMessages.For(new FinanceEvent(before, JointTender.Transition(before, @event)!, @event, Guid.NewGuid(), "c", Now));

    /// <summary>Awarded while the OCMW's award decision was missing.</summary>
    private static (object[] History, LotAwarded Awarded) AwaitingOcmw()
    {
        object[] history = [.. Published2, .. ConditionsApproved("GEMEENTE", "OCMW"), Decided(3, "GEMEENTE", DecisionKind.Award, 1)];
        var awarded = AwardLotDecider.Decide(State(history), Award(), Now).Events.OfType<LotAwarded>().Single();
        return ([.. history, awarded], awarded);
    }

    [Fact]
    public void An_award_decision_recorded_after_the_contract_was_terminated_announces_nothing()
    {
        var (history, _) = AwaitingOcmw();
        var terminated = State([.. history, new LotTerminated(TenderId, 1, new DateOnly(2027, 6, 30), "Wanprestatie", Cell, Now)]);

        var late = Decided(4, "OCMW", DecisionKind.Award, 1);
        MessagesOf(terminated, late).ShouldBeEmpty();
    }

    [Fact]
    public void A_share_released_after_a_renewal_is_announced_for_the_current_period()
    {
        var (history, awarded) = AwaitingOcmw();
        var running = State(history).Lots[1].Running!;
        var renewed = new LotRenewed(TenderId, 1, 1, new DateOnly(2028, 1, 1), new DateOnly(2028, 12, 31), running.AmountExclVat, 21m, running.AmountInclVat,
            awarded.Shares, Cell, Now);
        var afterRenewal = State([.. history, renewed]);

        var message = MessagesOf(afterRenewal, Decided(4, "OCMW", DecisionKind.Award, 1)).ShouldHaveSingleItem().ShouldBeOfType<LotAwardedShare>();
        (message.ContractStart, message.ContractEnd).ShouldBe((new DateOnly(2028, 1, 1), new DateOnly(2028, 12, 31)));
    }

    [Fact]
    public void Lifting_an_award_decisions_suspension_releases_nothing_while_the_conditions_are_not_in_force()
    {
        object[] history = [.. Published2, .. ConditionsApproved("GEMEENTE", "OCMW"), Decided(3, "GEMEENTE", DecisionKind.Award, 1),
            Decided(4, "OCMW", DecisionKind.Award, 1), Supervised(4, "OCMW", SupervisionAct.Suspended)];
        var awarded = AwardLotDecider.Decide(State(history), Award(), Now).Events.OfType<LotAwarded>().Single();
        var conditionsAnnulled = State([.. history, awarded, Supervised(2, "OCMW", SupervisionAct.Annulled)]);

        var lifted = Supervised(4, "OCMW", SupervisionAct.SuspensionLifted);
        MessagesOf(conditionsAnnulled, lifted).ShouldBeEmpty();
        // New conditions in force: now the share waits for nothing any more.
        var afterLift = JointTender.Transition(conditionsAnnulled, lifted)!;
        MessagesOf(afterLift, Decided(5, "OCMW")).ShouldHaveSingleItem().ShouldBeOfType<LotAwardedShare>().AdministrationCode.ShouldBe("OCMW");
    }

    [Fact]
    public void A_decision_left_undated_or_an_award_decision_before_publication_is_refused()
    {
        Recorded(Published2, Record(City, on: DateOnly.MinValue)).Errors.ShouldHaveSingleItem().Code.ShouldBe("decision-date-too-early");
        object[] open = [Opened("GEMEENTE", "OCMW"), Lot(1), OptIn(1, "GEMEENTE", 1m), Decided(1, "GEMEENTE")];
        Recorded(open, Record(City, DecisionKind.Award, lot: 1)).Errors.ShouldHaveSingleItem().Code.ShouldBe("not-published");
        object[] approved = [.. Published2, .. ConditionsApproved("GEMEENTE", "OCMW")];
        SuperviseDecisionDecider.Decide(State([.. approved, new TenderCancelled(TenderId, "Budget", Cell, Now)]),
            new SuperviseDecisionCommand("OCMW", 2, SupervisionAct.Suspended, new DateOnly(2026, 11, 19), "G/1", Cell), Now).Errors.ShouldHaveSingleItem()
            .Code.ShouldBe("tender-cancelled");
    }

    [Fact]
    public void The_supervising_authority_suspends_lifts_or_annuls_and_an_annulment_is_final()
    {
        object[] approved = [.. Published2, .. ConditionsApproved("GEMEENTE", "OCMW")];
        SuperviseDecisionCommand Act(SupervisionAct act, string admin = "OCMW", int number = 2) => new(admin, number, act, new DateOnly(2026, 11, 19), "Gouverneur/2026/88", "secretaris@jette.example");
        Decision On(object[] h, SuperviseDecisionCommand c) => SuperviseDecisionDecider.Decide(State(h), c, Now);

        On(approved, Act(SupervisionAct.SuspensionLifted)).Errors.ShouldHaveSingleItem().Code.ShouldBe("supervision-not-possible");
        var suspended = On(approved, Act(SupervisionAct.Suspended)).Events.ShouldHaveSingleItem().ShouldBeOfType<DecisionSupervised>();
        object[] afterSuspension = [.. approved, suspended];
        State(afterSuspension).Decisions[1].Standing.ShouldBe(DecisionStanding.Suspended);
        On(afterSuspension, Act(SupervisionAct.Suspended)).Errors.ShouldHaveSingleItem().Nl.ShouldContain("al geschorst");
        object[] annulled = [.. afterSuspension, On(afterSuspension, Act(SupervisionAct.Annulled)).Events.Single()];
        On(annulled, Act(SupervisionAct.SuspensionLifted)).Errors.ShouldHaveSingleItem().Nl.ShouldContain("vernietigd");

        // Decision 1 is the city's: the OCMW cannot reach it, and does not learn it exists.
        On(approved, Act(SupervisionAct.Suspended, "OCMW", 1)).Errors.ShouldHaveSingleItem().Kind.ShouldBe(ErrorKind.NotFound);
        On(approved, Act(SupervisionAct.Suspended) with { On = new DateOnly(2026, 10, 1) }).Errors.ShouldHaveSingleItem().Code.ShouldBe("supervision-before-decision");
    }

    [Fact]
    public void A_suspension_is_lifted_or_the_decision_annulled_on_or_after_the_day_it_was_suspended()
    {
        // Decided on 20 October, suspended on 19 November.
        object[] suspended = [.. Published2, .. ConditionsApproved("GEMEENTE", "OCMW"), Supervised(2, "OCMW", SupervisionAct.Suspended)];
        SuperviseDecisionCommand Act(SupervisionAct act, DateOnly on) => new("OCMW", 2, act, on, "Gouverneur/2026/91", "secretaris@jette.example");

        foreach (var act in new[] { SupervisionAct.SuspensionLifted, SupervisionAct.Annulled })
        {
            var early = SuperviseDecisionDecider.Decide(State(suspended), Act(act, new DateOnly(2026, 11, 18)), Now).Errors.ShouldHaveSingleItem();
            early.ShouldSatisfyAllConditions(e => e.Code.ShouldBe("supervision-before-previous-act"), e => e.Field.ShouldBe("on"),
                e => e.Nl.ShouldContain("19 november 2026"), e => e.Fr.ShouldContain("19 novembre 2026"));
            SuperviseDecisionDecider.Decide(State(suspended), Act(act, new DateOnly(2026, 11, 19)), Now).Events.ShouldHaveSingleItem();
        }
        State(suspended).Decisions[1].SupervisedOn.ShouldBe(new DateOnly(2026, 11, 19));
    }

    [Fact]
    public void A_terminated_contract_takes_no_renewal_decision()
    {
        var (history, _) = AwaitingOcmw();
        Recorded(history, Record(City, DecisionKind.Renewal, lot: 1, renewal: 1)).Events.ShouldHaveSingleItem();
        object[] terminated = [.. history, new LotTerminated(TenderId, 1, new DateOnly(2027, 6, 30), "Wanprestatie", Cell, Now)];
        Recorded(terminated, Record(City, DecisionKind.Renewal, lot: 1, renewal: 1)).Errors.ShouldHaveSingleItem().Code.ShouldBe("decision-lot-not-running");

        // Renewed once, then terminated: the first renewal ran, so its decision may still be recorded; the second never will.
        var running = State(history).Lots[1].Running!;
        var renewed = new LotRenewed(TenderId, 1, 1, new DateOnly(2028, 1, 1), new DateOnly(2028, 12, 31), running.AmountExclVat, 21m, running.AmountInclVat,
            running.Shares, Cell, Now);
        object[] renewedThenTerminated = [.. history, renewed, new LotTerminated(TenderId, 1, new DateOnly(2028, 6, 30), "Wanprestatie", Cell, Now)];
        Recorded(renewedThenTerminated, Record(City, DecisionKind.Renewal, lot: 1, renewal: 1)).Events.ShouldHaveSingleItem();
        Recorded(renewedThenTerminated, Record(City, DecisionKind.Renewal, lot: 1, renewal: 2)).Errors.ShouldHaveSingleItem().Code.ShouldBe("decision-lot-not-running");
    }

    [Fact]
    public void The_gaps_show_per_administration_what_is_missing_suspended_or_annulled()
    {
        State(Published2).DecisionGaps().Select(g => (g.Administration, g.Kind, g.LotNumber, g.Standing)).ShouldBe(
        [
            ("GEMEENTE", DecisionKind.Conditions, null, null), ("GEMEENTE", DecisionKind.Award, (int?)1, null),
            ("OCMW", DecisionKind.Conditions, null, null), ("OCMW", DecisionKind.Award, 1, null),
        ]);
        var gaps = State([.. Published2, .. Approved(1, "GEMEENTE", "OCMW"), Supervised(2, "OCMW", SupervisionAct.Annulled)]).DecisionGaps();
        gaps.ShouldHaveSingleItem().ShouldBe(new DecisionGap("OCMW", DecisionKind.Conditions, null, null, DecisionStanding.Annulled));
        State([Opened("GEMEENTE", "OCMW") with { IsDraft = true }, Lot(1)]).DecisionGaps().ShouldBeEmpty();
    }

    private static DecisionSupervised Supervised(int number, string administration, SupervisionAct act) =>
        new(TenderId, number, administration, act, new DateOnly(2026, 11, 19), "Gouverneur/2026/88", Cell, Now);
}
