using Aankopen.Contracts.Api.V1;
using Aankopen.Reports.Csv;

namespace Aankopen.Reports.Synergies;

/// <summary>The chapter's figures as rows a finance department can sum: one per administration's share of an award or a renewal.</summary>
public static class SynergyCsv
{
    public static CsvFile Write(SynergyReportView report, bool french)
    {
        var csv = new CsvFile().Row(french
            ? ["Année", "Type", "Référence", "Titre", "Lot", "Fournisseur", "Début", "Fin", "Administration", "Part HTVA", "Part TVAC"]
            : ["Jaar", "Soort", "Referentie", "Titel", "Perceel", "Leverancier", "Begin", "Einde", "Bestuur", "Deel excl. btw", "Deel incl. btw"]);
        void Rows(IEnumerable<ReportLotView> lots, string kind)
        {
            foreach (var lot in lots)
                foreach (var share in lot.Shares)
                    csv.Row(report.Year, kind, lot.Reference, french ? lot.TitleFr : lot.TitleNl, lot.LotNumber, lot.SupplierName,
                        lot.PeriodStart, lot.PeriodEnd, share.Administration, share.AmountExclVat, share.AmountInclVat);
        }
        Rows(report.Awarded, french ? "Attribution" : "Gunning");
        Rows(report.Renewed, french ? "Reconduction" : "Verlenging");
        return csv;
    }
}
