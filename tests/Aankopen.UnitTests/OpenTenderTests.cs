using Aankopen.Domain;
using Aankopen.Domain.Tenders;
using Aankopen.Domain.Tenders.OpenTender;
using Shouldly;
using static Aankopen.UnitTests.Samples;

namespace Aankopen.UnitTests;

public class OpenTenderTests
{
    private static OpenTenderCommand Command(string cpv = "30199770-8", string lead = "GEMEENTE", string[]? invited = null, DateTimeOffset? deadline = null) =>
        new(TenderId, "AC-2027-001", "Maaltijdcheques 2027", "Chèques-repas 2027", cpv, Procedure.Open, lead,
            invited ?? ["GEMEENTE", "OCMW"], deadline ?? Deadline, null, false, Cell);

    [Fact]
    public void Opening_records_the_tender_with_its_subject_derived_from_the_cpv_code()
    {
        var decision = OpenTenderDecider.Decide(Command(cpv: "90911300-9"), Administrations, Now);

        var opened = decision.Events.ShouldHaveSingleItem().ShouldBeOfType<TenderOpened>();
        opened.Subject.ShouldBe(ContractSubject.Services);
        opened.InvitedAdministrations.ShouldBe(["GEMEENTE", "OCMW"]);
        opened.OpenedBy.ShouldBe(Cell);
        opened.OpenedAt.ShouldBe(Now);
    }

    [Fact]
    public void Every_input_problem_is_reported_at_once()
    {
        var decision = OpenTenderDecider.Decide(
            Command(cpv: "nonsense", lead: "POLITIE", invited: ["GEMEENTE", "NOBODY"], deadline: Now.AddDays(-1)), Administrations, Now);

        decision.Events.ShouldBeEmpty();
        decision.Errors.Select(e => e.Code).ShouldBe(
            ["cpv-invalid", "administration-unknown", "lead-not-invited", "deadline-in-past"], ignoreOrder: true);
        decision.Errors.ShouldAllBe(e => e.Kind == ErrorKind.Invalid && e.Field != null);
    }

    [Fact]
    public void Any_number_of_administrations_can_be_invited()
    {
        var decision = OpenTenderDecider.Decide(Command(invited: ["GEMEENTE", "OCMW", "POLITIE"]), Administrations, Now);

        decision.Events.ShouldHaveSingleItem().ShouldBeOfType<TenderOpened>().InvitedAdministrations.Count.ShouldBe(3);
    }

    [Fact]
    public void A_subject_that_contradicts_the_main_cpv_code_is_refused()
    {
        var decision = OpenTenderDecider.Decide(Command() with { Subject = ContractSubject.Works }, Administrations, Now);

        decision.Errors.ShouldHaveSingleItem().Code.ShouldBe("subject-mismatch");
    }

    [Fact]
    public void A_subject_that_matches_the_cpv_code_is_accepted_and_a_draft_stays_a_draft()
    {
        var decision = OpenTenderDecider.Decide(Command() with { Subject = ContractSubject.Supplies, Draft = true }, Administrations, Now);

        var opened = decision.Events.ShouldHaveSingleItem().ShouldBeOfType<TenderOpened>();
        opened.IsDraft.ShouldBeTrue();
        JointTender.Create(opened).Status.ShouldBe(TenderStatus.Draft);
    }

    [Fact]
    public void A_deadline_years_ahead_is_refused()
    {
        OpenTenderDecider.Decide(Command(deadline: Now.AddYears(3)), Administrations, Now)
            .Errors.ShouldHaveSingleItem().Code.ShouldBe("deadline-too-far");
    }

    [Fact]
    public void Inviting_the_same_administration_twice_is_refused()
    {
        OpenTenderDecider.Decide(Command(invited: ["GEMEENTE", "GEMEENTE"]), Administrations, Now)
            .Errors.Select(e => e.Code).ShouldContain("invited-duplicate");
    }

    [Fact]
    public void A_hostile_reference_is_refused_without_echoing_it_whole()
    {
        var huge = new string('x', 100_000);
        var decision = OpenTenderDecider.Decide(Command(invited: ["GEMEENTE", huge], lead: "GEMEENTE") with { Reference = huge }, Administrations, Now);

        decision.Errors.Select(e => e.Code).ShouldBe(["too-long", "administration-unknown"], ignoreOrder: true);
        decision.Errors.ShouldAllBe(e => e.Nl.Length < 500 && e.Fr.Length < 500);
    }
}
