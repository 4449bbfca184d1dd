using Aankopen.Api.Shared;
using Aankopen.Api.Tenders;
using Aankopen.Api.Tenders.OpenTender;
using Shouldly;
using static Aankopen.UnitTests.Samples;

namespace Aankopen.UnitTests;

public class OpenTenderTests
{
    private static OpenTenderCommand Command(string cpv = "30199770-8", string lead = "GEMEENTE", string[]? invited = null, DateTimeOffset? deadline = null) =>
        new(TenderId, "AC-2027-001", "Maaltijdcheques 2027", "Chèques-repas 2027", cpv, Procedure.Open, lead,
            invited ?? ["GEMEENTE", "OCMW"], deadline ?? Deadline, Cell);

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
}
