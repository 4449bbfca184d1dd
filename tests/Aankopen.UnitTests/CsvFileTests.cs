using Aankopen.Reports.Csv;
using Shouldly;

namespace Aankopen.UnitTests;

public sealed class CsvFileTests
{
    [Theory]
    [InlineData(1234567.5, "1234567,50")]
    [InlineData(0.01, "0,01")]
    [InlineData(-25000, "-25000,00")]
    [InlineData(12.3456, "12,3456")]
    public void Amounts_have_a_decimal_comma_and_no_thousands_separator(double amount, string expected) =>
        CsvFile.Field((decimal)amount).ShouldBe(expected);

    [Theory]
    [InlineData("Cheques & Co NV", "Cheques & Co NV")]
    [InlineData("Lot; deel 2", "\"Lot; deel 2\"")]
    [InlineData("De \"beste\" leverancier", "\"De \"\"beste\"\" leverancier\"")]
    [InlineData("twee\nregels", "\"twee\nregels\"")]
    public void Text_is_quoted_only_where_a_separator_quote_or_line_break_needs_it(string text, string expected) =>
        CsvFile.Field(text).ShouldBe(expected);

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")")]
    [InlineData("+32 2 423 12 11")]
    [InlineData("@SUM(A1)")]
    public void Text_a_spreadsheet_would_run_as_a_formula_stays_text(string text) =>
        CsvFile.Field(text).TrimStart('"').ShouldStartWith("'");

    [Fact]
    public void Dates_are_iso_and_missing_values_empty()
    {
        CsvFile.Field(new DateOnly(2027, 1, 31)).ShouldBe("2027-01-31");
        CsvFile.Field(null).ShouldBe("");
    }
}
