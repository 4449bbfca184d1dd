using Aankopen.Contracts.Api.V1;
using Aankopen.Reports.Csv;

namespace Aankopen.Reports.Synergies;

/// <summary>The chapter's figures as rows a finance department can sum: one per administration's share of an award or a renewal.</summary>
public static class SynergyCsv
{
    private static readonly string[] Columns =
        ["year", "kind", "reference", "title", "lot", "supplier", "start", "end", "administration", "share-excl-vat", "share-incl-vat"];

    public static CsvFile Write(SynergyReportView report, bool french)
    {
        var csv = new CsvFile().Row(ReportTexts.Columns("synergy-csv/", Columns, french));
        void Rows(IEnumerable<ReportLotView> lots, string kind)
        {
            foreach (var lot in lots)
                foreach (var share in lot.Shares)
                    csv.Row(report.Year, kind, lot.Reference, french ? lot.TitleFr : lot.TitleNl, lot.LotNumber, lot.SupplierName,
                        lot.PeriodStart, lot.PeriodEnd, share.Administration, share.AmountExclVat, share.AmountInclVat);
        }
        Rows(report.Awarded, ReportTexts.Say("synergy-csv/award", [], french));
        Rows(report.Renewed, ReportTexts.Say("synergy-csv/renewal", [], french));
        return csv;
    }
}
