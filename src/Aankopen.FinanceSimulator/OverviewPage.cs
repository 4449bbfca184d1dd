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
            <style>body{font-family:sans-serif;margin:2rem}table{border-collapse:collapse;margin-bottom:1rem}td,th{border:1px solid #999;padding:.3rem .6rem}td.num{text-align:right}.fault{color:#a00}</style>
            </head><body><h1>Boekingen per bestuur / Comptabilisations par administration</h1>
            <p>Storingen inbrengen / injecter des pannes : <code>PUT /systems/{code}/faults {"mode":"Fail","calls":3}</code> (Fail, Refuse, Timeout, Slow; <code>delaySeconds</code>), <code>DELETE /systems/{code}/faults</code>. Contract: <a href="/openapi/finance-system.json">/openapi/finance-system.json</a>.</p>
            """);
        if (ledgers.All.Count == 0)
            html.Append("<p>Nog niets geboekt. / Rien de comptabilisé.</p>");
        foreach (var ledger in ledgers.All)
        {
            html.Append(CultureInfo.InvariantCulture, $"<h2>{Encode(ledger.System)}</h2>");
            if (ledger.Faults.Current.Mode != FaultMode.None)
                html.Append(CultureInfo.InvariantCulture, $"<p class=fault>Storing actief / panne active : {ledger.Faults.Current}</p>");
            html.Append("<h3>Vastleggingen / Engagements</h3><table><tr><th>Nr.</th><th>Opdracht</th><th>Perceel</th><th>Soort</th><th>Bestelbon</th><th>Leverancier</th><th>Budgetartikel</th><th>Excl. btw</th><th>Incl. btw</th><th>Periode</th><th>Herhaald</th></tr>");
            foreach (var e in ledger.Commitments.All)
            {
                var r = e.Request;
                html.Append(CultureInfo.InvariantCulture, $"<tr><td>{e.Id}</td><td>{Encode(r.TenderReference)}</td><td>{r.LotNumber}</td><td>{r.Kind}</td><td>{Encode(r.OrderReference)}</td><td>{Encode(r.SupplierName)}</td><td>{Encode(r.BudgetLine)}</td><td class=num>{Money(r.AmountExclVat)}</td><td class=num>{Money(r.AmountInclVat)}</td><td>{r.PeriodStart:dd/MM/yyyy} – {r.PeriodEnd:dd/MM/yyyy}</td><td class=num>{e.Replays}</td></tr>");
            }
            html.Append("</table><h3>Raamovereenkomsten (plafond, niets vastgelegd) / Accords-cadres (plafond, rien d'engagé)</h3><table><tr><th>Nr.</th><th>Opdracht</th><th>Perceel</th><th>Periode nr.</th><th>Budgetartikel</th><th>Excl. btw</th><th>Incl. btw</th><th>Periode</th></tr>");
            foreach (var e in ledger.Frameworks.All)
            {
                var r = e.Request;
                html.Append(CultureInfo.InvariantCulture, $"<tr><td>{e.Id}</td><td>{Encode(r.TenderReference)}</td><td>{r.LotNumber}</td><td class=num>{r.Renewal}</td><td>{Encode(r.BudgetLine)}</td><td class=num>{Money(r.AmountExclVat)}</td><td class=num>{Money(r.AmountInclVat)}</td><td>{r.PeriodStart:dd/MM/yyyy} – {r.PeriodEnd:dd/MM/yyyy}</td></tr>");
            }
            html.Append("</table><h3>Voorlopige reserveringen / Réservations provisoires</h3><table><tr><th>Nr.</th><th>Opdracht</th><th>Perceel</th><th>Wijziging</th><th>Budgetartikel</th><th>Excl. btw</th><th>Hoeveelheid</th><th>Te laat (niets gewijzigd) / Tardive (rien changé)</th></tr>");
            foreach (var e in ledger.Reservations.All)
            {
                var r = e.Request;
                html.Append(CultureInfo.InvariantCulture, $"<tr><td>{e.Id}</td><td>{Encode(r.TenderReference)}</td><td>{r.LotNumber}</td><td>{Encode(r.Change)}</td><td>{Encode(r.BudgetLine)}</td><td class=num>{Money(r.AmountExclVat)}</td><td class=num>{r.Quantity}</td><td>{(e.Superseded ? "ja / oui" : "")}</td></tr>");
            }
            html.Append("</table><h3>Vrijgaven / Libérations</h3><table><tr><th>Nr.</th><th>Opdracht</th><th>Perceel</th><th>Reden</th><th>Budgetartikel</th><th>Excl. btw</th><th>Vanaf</th></tr>");
            foreach (var e in ledger.Releases.All)
            {
                var r = e.Request;
                html.Append(CultureInfo.InvariantCulture, $"<tr><td>{e.Id}</td><td>{Encode(r.TenderReference)}</td><td>{r.LotNumber}</td><td>{Encode(r.Reason)}</td><td>{Encode(r.BudgetLine)}</td><td class=num>{Money(r.AmountExclVat)}</td><td>{r.EffectiveOn:dd/MM/yyyy}</td></tr>");
            }
            html.Append("</table><h3>Lidmaatschappen van aankoopcentrales / Adhésions aux centrales d'achat</h3><table><tr><th>Nr.</th><th>Centrale</th><th>Wijziging</th><th>Scope</th><th>Van</th><th>Tot</th><th>Beslissing</th></tr>");
            foreach (var e in ledger.Memberships.All)
            {
                var r = e.Request;
                html.Append(CultureInfo.InvariantCulture, $"<tr><td>{e.Id}</td><td>{Encode(r.CentralName)}</td><td>{Encode(r.Change)}</td><td>{Encode(string.Join(", ", r.Categories.Concat(r.CpvDivisions.Select(d => $"CPV {d:00}"))))}</td><td>{r.Start:dd/MM/yyyy}</td><td>{r.End:dd/MM/yyyy}</td><td>{Encode(r.DecisionReference)}</td></tr>");
            }
            html.Append(CultureInfo.InvariantCulture, $"</table><p>Geweigerd / Refusés: {ledger.Rejections.Count}</p>");
        }
        html.Append("</body></html>");
        return TypedResults.Content(html.ToString(), "text/html; charset=utf-8");
    }

    private static string Encode(string? text) => WebUtility.HtmlEncode(text ?? "");

    private static string Money(decimal? amount) => amount?.ToString("C", Belgian) ?? "";
}
