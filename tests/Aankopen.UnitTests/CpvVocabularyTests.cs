using Aankopen.Domain;
using Shouldly;

namespace Aankopen.UnitTests;

/// <summary>The CPV 2008 list: every code with its check digit and its Dutch and French labels, and nothing else.</summary>
public sealed class CpvVocabularyTests
{
    [Fact]
    public void The_list_holds_the_9454_codes_of_the_regulation()
    {
        CpvVocabulary.Count.ShouldBe(9_454);
        CpvVocabulary.Find("45000000-7").ShouldBe(new CpvVocabulary.Entry("45000000-7", "Bouwwerkzaamheden", "Travaux de construction"));
        CpvVocabulary.Find("85311200-4")!.Fr.ShouldBe("Services sociaux pour les personnes handicapées");
        CpvVocabulary.Find("30199770-8")!.Nl.ShouldBe("Maaltijdcheques");
    }

    [Theory]
    [InlineData("30192000-1", true)]
    [InlineData(" 30192000-1 ", true)]
    [InlineData("30192000-2", false)] // the check digit of another code
    [InlineData("30192001-1", false)] // not on the list, though its division is
    [InlineData("30192000", false)]
    public void Only_a_code_on_the_list_with_its_own_check_digit_is_a_cpv_code(string text, bool valid)
    {
        CpvCode.TryParse(text, out var code).ShouldBe(valid);
        if (valid)
            code!.Value.Label(french: true).ShouldBe("Fournitures de bureau");
    }

    [Fact]
    public void Codes_can_be_found_by_words_in_either_language()
    {
        CpvVocabulary.Search("kantoorbenodigdheden").Select(e => e.Code).ShouldContain("30192000-1");
        CpvVocabulary.Search("chèques repas").Select(e => e.Code).ShouldContain("30199770-8");
        CpvVocabulary.Search("3019977").Select(e => e.Code).ShouldBe(["30199770-8"]);
    }
}
