using Aankopen.Domain;
using Shouldly;

namespace Aankopen.UnitTests;

public class IdentifierTests
{
    [Theory]
    [InlineData("0207.000.176", "0207.000.176")]
    [InlineData("BE0207000176", "0207.000.176")]
    [InlineData("be 0207 000 176", "0207.000.176")]
    [InlineData("0212000131", "0212.000.131")]
    public void Valid_enterprise_numbers_are_written_in_the_dotted_form(string input, string expected)
    {
        EnterpriseNumber.TryParse(input, out var number).ShouldBeTrue();
        number!.Value.ToString().ShouldBe(expected);
    }

    [Theory]
    [InlineData("0207.000.177")] // wrong check digits
    [InlineData("2207.000.176")] // first digit must be 0 or 1
    [InlineData("0207.000.17")] // nine digits
    [InlineData("FR0207000176")]
    [InlineData("")]
    [InlineData(null)]
    public void Invalid_enterprise_numbers_are_refused(string? input)
    {
        EnterpriseNumber.TryParse(input, out var number).ShouldBeFalse();
        number.ShouldBeNull();
    }

    [Theory]
    [InlineData("30192000-1", ContractSubject.Supplies, 30)]
    [InlineData("45000000-7", ContractSubject.Works, 45)]
    [InlineData("90911300-9", ContractSubject.Services, 90)]
    [InlineData("48000000-8", ContractSubject.Supplies, 48)]
    public void Cpv_division_tells_the_subject(string code, ContractSubject subject, int division)
    {
        CpvCode.TryParse(code, out var cpv).ShouldBeTrue();
        cpv!.Value.Subject.ShouldBe(subject);
        cpv.Value.Division.ShouldBe(division);
    }

    [Theory]
    [InlineData("30192000")]
    [InlineData("3019200-1")]
    [InlineData("47000000-1")] // no such division
    [InlineData("99000000-1")]
    public void Malformed_cpv_codes_are_refused(string code)
    {
        CpvCode.TryParse(code, out _).ShouldBeFalse();
    }

    [Fact]
    public void Incl_vat_rounds_half_away_from_zero()
    {
        Money.InclVat(0.05m, 21m).ShouldBe(0.06m); // 0.0605
        Money.InclVat(100.00m, 6m).ShouldBe(106.00m);
        Money.InclVat(10.50m, 0m).ShouldBe(10.50m);
    }
}
