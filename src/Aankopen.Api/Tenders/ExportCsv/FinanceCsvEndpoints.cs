using Aankopen.Api.Tenders.AdministrationYear;
using Aankopen.Domain;
using Aankopen.Edge.Http;
using Aankopen.Reports;
using Aankopen.Reports.Csv;
using Aankopen.Store.Administrations;
using Aankopen.Store.Tenders.ReadModels;
using Marten;

namespace Aankopen.Api.Tenders.ExportCsv;

/// <summary>
/// A year's participations and awarded shares as CSV for a finance department's spreadsheet or import: one row per
/// administration and lot, with the budget line the estimate and share are booked on. Column titles and statuses in
/// the reader's language (Accept-Language or <c>?lang=fr</c>).
/// </summary>
public static class FinanceCsvEndpoints
{
    private static readonly string[] Columns =
        ["administration", "reference", "title", "lot", "status", "budget-line", "estimate-excl-vat", "supplier", "share-excl-vat", "share-incl-vat", "awarded-on"];

    /// <summary>One administration's year, for that administration's own finance staff.</summary>
    public static async Task<IResult> AdministrationYear(string code, int? year, string? lang, HttpContext http, IQuerySession session, TimeProvider clock, CancellationToken ct)
    {
        if (await session.LoadAsync<AdministrationRecord>(code, ct) is null)
            return Problems.AdministrationNotFound(http, code);
        return await ExportAsync(code, year, lang, http, session, clock, ct);
    }

    /// <summary>Every administration's year, for the purchasing cell and auditors.</summary>
    public static Task<IResult> AllShares(int? year, string? lang, HttpContext http, IQuerySession session, TimeProvider clock, CancellationToken ct) =>
        ExportAsync(null, year, lang, http, session, clock, ct);

    private static async Task<IResult> ExportAsync(string? code, int? year, string? lang, HttpContext http, IQuerySession session, TimeProvider clock, CancellationToken ct)
    {
        var y = year ?? clock.GetUtcNow().Year;
        if (InputChecks.YearOutOfRange(y) is { } badYear)
            return Problems.From(http, [badYear]);
        var french = Problems.PrefersFrench(http, lang);

        var csv = new CsvFile().Row(ReportTexts.Columns("finance-csv/", Columns, french));
        foreach (var p in await AdministrationYearEndpoint.OfYearAsync(session, y, code, ct))
            foreach (var lot in p.Lots.Values.OrderBy(l => l.LotNumber))
                csv.Row(p.Administration, p.Reference, french ? p.TitleFr : p.TitleNl, lot.LotNumber, StatusName(lot.Status, french), lot.BudgetLine,
                    lot.EstimatedAmountExclVat, lot.SupplierName, lot.ShareExclVat, lot.ShareInclVat, lot.AwardedOn);
        return csv.ToResult(code is null ? $"aankopen-{y}.csv" : $"aankopen-{code.ToLowerInvariant()}-{y}.csv");
    }

    /// <summary>A participation's status as a column of the export and the pages name it.</summary>
    public static string StatusName(ParticipationStatus status, bool french) => ReportTexts.Participation(status.ToString(), french);
}
