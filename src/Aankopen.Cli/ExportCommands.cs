using System.CommandLine;

namespace Aankopen.Cli;

/// <summary><c>aankopen export shares</c>: the finance departments' CSV files.</summary>
internal static class ExportCommands
{
    public static Command Build(TextWriter output, HttpMessageHandler? handler)
    {
        var year = new Option<int?>("--year") { Description = "The year (default: this year)" };
        var administration = new Option<string?>("--administration") { Description = "One administration's year (default: every administration, for the cell)" };
        var file = new Option<FileInfo?>("--output", "-o") { Description = "CSV file to write (default: the terminal)" };
        var shares = new Command("shares", "Participations and awarded shares of a year as CSV (semicolons, decimal comma)") { year, administration, file };
        shares.SetAction((parse, ct) =>
        {
            var connection = CommandLine.ConnectionOf(parse);
            var api = connection.Client(handler);
            var lang = connection.Texts.French ? "fr" : "nl";
            return Calls.DownloadAsync(connection, output,
                () => parse.GetValue(administration) is { } code
                    ? api.ExportAdministrationYearCsvAsync(code, parse.GetValue(year), lang, ct)
                    : api.ExportSharesCsvAsync(parse.GetValue(year), lang, ct),
                parse.GetValue(file), ct);
        });
        return new Command("export", "Exports for finance departments") { shares };
    }
}
