using System.CommandLine;
using System.Globalization;
using System.Text.Json;

namespace Aankopen.Cli;

/// <summary><c>aankopen tenders list|show|export</c>.</summary>
internal static class TenderCommands
{
    private static readonly Option<bool> Json = new("--json") { Description = "The API's JSON, for scripts" };

    public static Command Build(TextWriter output, HttpMessageHandler? handler)
    {
        var status = new Option<string?>("--status") { Description = "Draft, OptInOpen, OptInClosed, Published, Cancelled, ..." };
        var year = new Option<int?>("--year") { Description = "Year the tender was opened" };
        var administration = new Option<string?>("--administration") { Description = "Only tenders this administration takes part in" };
        var search = new Option<string?>("--search") { Description = "Words of the reference or title" };
        var list = new Command("list", "Joint tenders, newest first (the first 100)") { status, year, administration, search, Json };
        list.SetAction((parse, ct) =>
        {
            var connection = CommandLine.ConnectionOf(parse);
            return Calls.RunAsync(connection, output,
                () => connection.Client(handler).ListTendersAsync(parse.GetValue(status), parse.GetValue(year), parse.GetValue(administration), null,
                    parse.GetValue(search), 1, 100, ct),
                page =>
                {
                    if (parse.GetValue(Json))
                    {
                        output.WriteLine(JsonSerializer.Serialize(page, JsonSerializerOptions.Web));
                        return;
                    }
                    var texts = connection.Texts;
                    if (page.Items.Count == 0)
                    {
                        output.WriteLine(texts.NoTenders);
                        return;
                    }
                    output.WriteLine(texts.TendersHeader);
                    foreach (var t in page.Items)
                        output.WriteLine($"{t.Reference} | {t.Status} | {t.LotCount} | {Amount(t.EstimatedTotalExclVat, texts)} | {(texts.French ? t.TitleFr : t.TitleNl)}");
                });
        });

        var id = new Argument<Guid>("tender-id") { Description = "The tender's id (see list --json)" };
        var show = new Command("show", "One tender with its lots, opt-ins and awards") { id, Json };
        show.SetAction((parse, ct) =>
        {
            var connection = CommandLine.ConnectionOf(parse);
            return Calls.RunAsync(connection, output, () => connection.Client(handler).GetTenderAsync(parse.GetValue(id), ct), tender =>
            {
                if (parse.GetValue(Json))
                {
                    output.WriteLine(JsonSerializer.Serialize(tender, JsonSerializerOptions.Web));
                    return;
                }
                var texts = connection.Texts;
                output.WriteLine($"{tender.Reference}: {(texts.French ? tender.TitleFr : tender.TitleNl)} ({tender.Status}, CPV {tender.MainCpv})");
                foreach (var lot in tender.Lots)
                {
                    output.WriteLine($"  {texts.Say("lot")} {lot.Number}: {lot.Title} ({lot.Status}), {Amount(lot.EstimatedValueExclVat, texts)}");
                    foreach (var optIn in lot.OptIns)
                        output.WriteLine($"    {optIn.Administration}: {Amount(optIn.EstimatedAmountExclVat, texts)} {optIn.BudgetLine}");
                    if (lot.Award is { } award)
                        foreach (var share in award.Shares)
                            output.WriteLine($"    {texts.Say("awarded-to")} {award.SupplierName}: {share.Administration} {Amount(share.AmountExclVat, texts)} {share.BudgetLine}");
                }
            });
        });

        var tenderId = new Argument<Guid>("tender-id") { Description = "The tender's id" };
        var format = new Option<string>("--format") { Description = "ocds-record or ocds-releases", DefaultValueFactory = _ => "ocds-record" };
        format.AcceptOnlyFromAmong("ocds-record", "ocds-releases");
        var file = new Option<FileInfo?>("--output", "-o") { Description = "File to write (default: the terminal)" };
        var export = new Command("export", "One tender as Open Contracting Data (OCDS 1.1)") { tenderId, format, file };
        export.SetAction((parse, ct) =>
        {
            var connection = CommandLine.ConnectionOf(parse);
            var package = parse.GetValue(format) == "ocds-releases" ? "releases" : "record";
            return Calls.DownloadAsync(connection, output, () => connection.Client(handler).ExportOcdsAsync(parse.GetValue(tenderId), package, ct), parse.GetValue(file), ct);
        });

        return new Command("tenders", "Joint tenders") { list, show, export };
    }

    /// <summary>Amounts as a Belgian reader writes them: 75.000,01 EUR (nl-BE), 75 000,01 EUR (fr-BE).</summary>
    public static string Amount(decimal? amount, Texts texts) =>
        amount is { } a ? a.ToString("N2", CultureInfo.GetCultureInfo(texts.Language)) + " EUR" : "-";
}
