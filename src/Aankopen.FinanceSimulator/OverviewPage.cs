using System.Globalization;
using System.Net;
using System.Text;

namespace Aankopen.FinanceSimulator;

/// <summary>A plain page listing what each simulated finance system booked, refreshed every few seconds.</summary>
public static class OverviewPage
{
    private static readonly CultureInfo Belgian = CultureInfo.GetCultureInfo("nl-BE");

    public static IResult Render(Ledgers ledgers)
    {
        var html = new StringBuilder("""
            <!doctype html><html lang="nl"><head><meta charset="utf-8"><meta http-equiv="refresh" content="3">
            <title>Financiële pakketten (simulator) / Systèmes comptables (simulateur)</title>
            <style>body{font-family:sans-serif;margin:2rem}table{border-collapse:collapse;margin-bottom:2rem}td,th{border:1px solid #999;padding:.3rem .6rem}td.num{text-align:right}</style>
            </head><body><h1>Vastleggingen per bestuur / Engagements par administration</h1>
            """);
        if (ledgers.All.Count == 0)
            html.Append("<p>Nog niets geboekt. / Rien de comptabilisé.</p>");
        foreach (var ledger in ledgers.All)
        {
            html.Append($"<h2>{WebUtility.HtmlEncode(ledger.System)}</h2><table><thead><tr><th>Nr.</th><th>Opdracht</th><th>Perceel</th><th>Leverancier</th><th>Budgetartikel</th><th>Excl. btw</th><th>Incl. btw</th><th>Periode</th></tr></thead><tbody>");
            foreach (var b in ledger.Bookings)
            {
                var r = b.Request;
                html.Append($"<tr><td>{b.CommitmentId}</td><td>{WebUtility.HtmlEncode(r.TenderReference)}</td><td>{r.LotNumber}</td><td>{WebUtility.HtmlEncode(r.SupplierName)}</td><td>{WebUtility.HtmlEncode(r.BudgetLine)}</td><td class=num>{r.AmountExclVat.ToString("C", Belgian)}</td><td class=num>{r.AmountInclVat.ToString("C", Belgian)}</td><td>{r.PeriodStart:dd/MM/yyyy} – {r.PeriodEnd:dd/MM/yyyy}</td></tr>");
            }
            html.Append($"</tbody></table><p>Geweigerd / Refusés: {ledger.Rejections.Count}</p>");
        }
        html.Append("</body></html>");
        return TypedResults.Content(html.ToString(), "text/html; charset=utf-8");
    }
}
