using Aankopen.Contracts.Finance.V1;
using Aankopen.Domain.Tenders;
using Aankopen.Domain.Tenders.AwardLot;
using Aankopen.Domain.Tenders.OpenTender;
using Aankopen.Domain.Tenders.PlaceOrder;
using Aankopen.Reports.Synergies;
using Aankopen.Worker.Notifications;
using Shouldly;
using static Aankopen.UnitTests.Samples;

namespace Aankopen.UnitTests;

/// <summary>One administration buys for another as its purchasing central: the lead decides and awards, the other orders.</summary>
public class OnBehalfTests
{
    private static readonly object[] Published =
    [
        Opened("GEMEENTE", "OCMW") with { Arrangement = Arrangement.OnBehalf }, Lot(1, vatRate: 21m), OptIn(1, "OCMW", 40_000m, "0900/123-48"),
        Closed(), Samples.Published(),
    ];

    private static JointTender State(params object[] events) => JointTender.Fold(events)!;

    private static AwardLotCommand Award() => new(1, "Kantoor NV", "BE0403170701", 40_000m, new(2027, 1, 1), new(2027, 12, 31), null, Cell,
        Agreement: AgreementKind.Framework);

    [Fact]
    public void A_central_buys_for_at_least_one_other_administration()
    {
        OpenTenderCommand Command(params string[] invited) => new(Guid.NewGuid(), "OC-1", "Kantoor", "Bureau", "30192000-1", Procedure.Open, "GEMEENTE",
            invited, Now.AddDays(10), null, false, Cell, Arrangement.OnBehalf);
        OpenTenderDecider.Decide(Command("GEMEENTE"), Administrations, Now).Errors.ShouldHaveSingleItem().Code.ShouldBe("on-behalf-of-nobody");
        OpenTenderDecider.Decide(Command("GEMEENTE", "OCMW"), Administrations, Now).Events.ShouldHaveSingleItem().ShouldBeOfType<TenderOpened>()
            .Arrangement.ShouldBe(Arrangement.OnBehalf);
        // A joint tender keeps its events as before.
        OpenTenderDecider.Decide(Command("GEMEENTE", "OCMW") with { Arrangement = Arrangement.Joint }, Administrations, Now).Events
            .ShouldHaveSingleItem().ShouldBeOfType<TenderOpened>().Arrangement.ShouldBeNull();
    }

    [Fact]
    public void Only_the_leads_decisions_are_asked_and_count_for_the_share_of_the_administration_it_buys_for()
    {
        State(Published).DecisionGaps().Select(g => (g.Administration, g.Kind)).ShouldBe([("GEMEENTE", DecisionKind.Conditions), ("GEMEENTE", DecisionKind.Award)]);
        State(Published).BuyingThroughLead().ShouldBe(["OCMW"]);

        AwardLotDecider.Decide(State(Published), Award(), Now, Administrations.All).Errors.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            e => e.Code.ShouldBe("decision-conditions-missing"), e => e.Nl.ShouldContain("Gemeente Jette"));

        object[] conditions = [.. Published, Decided(1, "GEMEENTE")];
        var awarded = AwardLotDecider.Decide(State(conditions), Award(), Now, Administrations.All).Events.OfType<LotAwarded>().ShouldHaveSingleItem();
        awarded.AwaitingDecision.ShouldBe(["OCMW"]);
        var afterAward = State([.. conditions, awarded]);
        PlaceOrderDecider.Decide(afterAward, new PlaceOrderCommand(Administrations.All[1], 1, new DateOnly(2027, 2, 1), "BB/1", 10m, null, null, "ocmw"),
            new DateTimeOffset(2027, 2, 2, 9, 0, 0, TimeSpan.Zero)).Errors.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
                e => e.Code.ShouldBe("order-awaits-lead-decision"), e => e.Nl.ShouldContain("GEMEENTE"));

        // The lead's award decision releases the OCMW's share: its finance system hears of its ceiling.
        var leadDecides = Decided(2, "GEMEENTE", DecisionKind.Award, 1);
        var released = JointTender.Transition(afterAward, leadDecides)!;
        released.Lots[1].Award!.AwaitingDecision.ShouldBeEmpty();
        released.DecisionGaps().ShouldBeEmpty();
        FinanceMessages.For(new FinanceEvent(afterAward, released, leadDecides, Guid.NewGuid(), "c", Now)).ShouldHaveSingleItem()
            .ShouldBeOfType<FrameworkShareAnnounced>().AdministrationCode.ShouldBe("OCMW");
        // The OCMW's own decision is not asked, and not taken: it would decide nothing here.
        var refused = Aankopen.Domain.Tenders.RecordDecision.RecordDecisionDecider.Decide(afterAward,
            new(Administrations.All[1], DecisionKind.Award, 1, null, DecidingBody.StandingBureau, null, new DateOnly(2026, 12, 3), "VB/1", "ocmw"), Now);
        refused.Errors.ShouldHaveSingleItem().ShouldSatisfyAllConditions(e => e.Code.ShouldBe("decision-by-central"), e => e.Fr.ShouldContain("GEMEENTE"));
    }

    [Fact]
    public void The_annex_counts_it_as_buying_together_and_says_who_buys_through_whom()
    {
        var tender = State([.. Published, Decided(1, "GEMEENTE"), Decided(2, "GEMEENTE", DecisionKind.Award, 1),
            Awarded(1, new AwardShare("OCMW", 40_000m, 48_400m, "0900/123-48")) with { Agreement = AgreementKind.Framework }]);
        SynergyReport.IsJoint(tender).ShouldBeTrue();
        var report = SynergyReport.Build(2026, ["GEMEENTE", "OCMW"], [tender], [], [], new Dictionary<string, Domain.Memberships.PurchasingCentral>(), Administrations.All);
        report.BuyingThrough.ShouldNotBeNull().ShouldHaveSingleItem().ShouldSatisfyAllConditions(b => b.Administration.ShouldBe("OCMW"), b => b.Through.ShouldBe("GEMEENTE"));
        SynergyChapter.Compose(report, french: false, new DateOnly(2027, 2, 1)).OfType<Bullets>().SelectMany(b => b.Items)
            .ShouldContain("OCMW Jette koopt via Gemeente Jette als opdrachtencentrale: Maaltijdcheques 2027 (AC-2027-001)");
    }
}
