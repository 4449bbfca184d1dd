using System.IO.Compression;
using System.Xml.Linq;
using Aankopen.Edge.Http;
using Aankopen.Edge.Security;
using Aankopen.Reports.Synergies;
using Shouldly;

namespace Aankopen.UnitTests;

/// <summary>Which characters a field takes, and a document that still opens when older data holds one it does not.</summary>
public sealed class PlainTextTests
{
    [Theory]
    [InlineData("Maaltijdcheques 2027", false, false)]
    [InlineData("Chèques-repas · 😀 · Ω", false, false)]
    [InlineData("a\u000Bb", false, true)]
    [InlineData("a\u0000b", false, true)]
    [InlineData("a\u007Fb", false, true)]
    [InlineData("a\u0085b", false, true)]
    [InlineData("a\uFFFEb", false, true)]
    [InlineData("regel 1\r\nregel 2\tmet tab", false, true)]
    [InlineData("regel 1\r\nregel 2\tmet tab", true, false)]
    [InlineData("regel 1\u000Bregel 2", true, true)]
    public void A_field_takes_text_and_a_paragraph_its_line_breaks_too(string value, bool paragraph, bool unfit) =>
        PlainText.IsUnfit(value, paragraph).ShouldBe(unfit);

    [Fact]
    public void Half_a_surrogate_pair_is_no_text()
    {
        // Not as theory data: the test runner would itself replace the half pair before the test sees it.
        PlainText.IsUnfit("\uD800").ShouldBeTrue();
        PlainText.IsUnfit("a\uDC00b").ShouldBeTrue();
        PlainText.IsUnfit("a\uDC00\uD800b").ShouldBeTrue();
    }

    [Theory]
    [InlineData("{\"title\":\"Papier\"}", false)]
    [InlineData("{\"title\":\"Chèques-repas … 30 € · ï · \uFFFD\"}", false)]
    [InlineData("{\"title\":\"a\\u000bb\"}", true)]
    [InlineData("{\"title\":\"a\\nb\"}", true)]
    [InlineData("{\"title\":\"a\u0085b\"}", true)]
    [InlineData("{\"title\":\"a\u009Fb\"}", true)]
    [InlineData("{\"title\":\"a\uFFFEb\"}", true)]
    [InlineData("{\"title\":\"a\uFFFFb\"}", true)]
    [InlineData("{\"title\":\"\u00C2\u00EF\"}", false)]
    public void A_body_is_only_parsed_when_it_can_hold_an_unfit_text(string body, bool may) =>
        UnfitInput.MayHoldUnfit(System.Text.Encoding.UTF8.GetBytes(body)).ShouldBe(may);

    [Fact]
    public void Only_reasons_and_justifications_are_paragraphs()
    {
        PlainText.IsParagraph("reason").ShouldBeTrue();
        PlainText.IsParagraph("longerDurationJustification").ShouldBeTrue();
        PlainText.IsParagraph("titleNl").ShouldBeFalse();
        PlainText.IsParagraph("budgetLine").ShouldBeFalse();
    }

    [Fact]
    public void A_title_stored_with_a_control_character_still_makes_a_word_document_that_opens()
    {
        var docx = ChapterDocx.Write([new Heading(1, "Titel\u000Bmet tab"), new Paragraph("NUL\u0000 en 😀"),
            new Table(["Opdracht"], [["a\uD800b"]], [false])], french: false);

        using var zip = new ZipArchive(new MemoryStream(docx));
        using var part = zip.GetEntry("word/document.xml")!.Open();
        var text = string.Concat(XDocument.Load(part).Descendants().Where(e => e.Name.LocalName == "t").Select(t => t.Value));
        text.ShouldBe("Titel\uFFFDmet tabNUL\uFFFD en 😀Opdrachta\uFFFDb");
    }
}
