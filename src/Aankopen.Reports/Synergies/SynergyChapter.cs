using System.Globalization;
using Aankopen.Contracts.Api.V1;
using Aankopen.Domain;

namespace Aankopen.Reports.Synergies;

/// <summary>
/// The chapter's wording, in Dutch or French, in the form the seeds' reports use: a summary, the list of joint
/// tenders ("Gezamenlijke overheidsopdracht voor ... (en verlenging)"), then the tables behind it.
/// </summary>
public static class SynergyChapter
{
    public static IReadOnlyList<Block> Compose(SynergyReportView r, bool french, DateOnly madeOn)
    {
        var culture = CultureInfo.GetCultureInfo(french ? "fr-BE" : "nl-BE");
        string T(string nl, string fr) => french ? fr : nl;
        string Money(decimal amount) => amount.ToString("N2", culture) + " €";
        string Day(DateOnly d) => d.ToString("d MMMM yyyy", culture);
        string Title(string nl, string fr) => french ? fr : nl;
        var (y, p) = (r.Year, r.Year - 1);
        var admins = r.Administrations;

        var blocks = new List<Block>
        {
            new Heading(1, T($"Overheidsopdrachten: synergieën en schaalvoordelen {y}", $"Marchés publics : synergies et économies d'échelle {y}")),
            new Paragraph(T(
                $"Hoofdstuk van het jaarverslag over de synergieën en schaalvoordelen tussen {string.Join(", ", admins)} (art. 26bis §5 van de organieke wet van 8 juli 1976 betreffende de openbare centra voor maatschappelijk welzijn), opgemaakt op {Day(madeOn)} uit de gegevens van Aankopen.",
                $"Chapitre du rapport annuel sur les synergies et économies d'échelle entre {string.Join(", ", admins)} (art. 26bis §5 de la loi organique du 8 juillet 1976 des centres publics d'action sociale), établi le {Day(madeOn)} à partir des données d'Aankopen.")),
            new Heading(2, T("Samenvatting", "Résumé")),
            new Paragraph(T(
                $"In {y} werden {r.ThisYear.TendersOpened} gezamenlijke opdrachten geopend ({r.PreviousYear.TendersOpened} in {p}). Er werden {r.ThisYear.LotsAwarded} percelen gegund voor {Money(r.ThisYear.AwardedExclVat)} excl. btw ({Money(r.PreviousYear.AwardedExclVat)} in {p}) en {r.ThisYear.LotsRenewed} percelen verlengd voor {Money(r.ThisYear.RenewedExclVat)} excl. btw. De besturen waren lid van {r.ThisYear.MembershipsActive} aankoopcentrales.",
                $"En {y}, {r.ThisYear.TendersOpened} marchés conjoints ont été ouverts ({r.PreviousYear.TendersOpened} en {p}). {r.ThisYear.LotsAwarded} lots ont été attribués pour {Money(r.ThisYear.AwardedExclVat)} HTVA ({Money(r.PreviousYear.AwardedExclVat)} en {p}) et {r.ThisYear.LotsRenewed} lots reconduits pour {Money(r.ThisYear.RenewedExclVat)} HTVA. Les administrations étaient membres de {r.ThisYear.MembershipsActive} centrales d'achat.")),
        };

        var renewedTenders = r.Renewed.Select(l => l.TenderId).ToHashSet();
        var named = r.Opened.Select(t => (t.TenderId, t.Reference, t.TitleNl, t.TitleFr))
            .Concat(r.Awarded.Concat(r.Renewed).Select(l => (l.TenderId, l.Reference, l.TitleNl, l.TitleFr)))
            .DistinctBy(t => t.TenderId).OrderBy(t => t.Reference, StringComparer.Ordinal).ToArray();
        if (named.Length > 0)
            blocks.Add(new Bullets(named.Select(t => T($"Gezamenlijke overheidsopdracht voor {t.TitleNl} ({t.Reference})", $"Marché public conjoint pour {t.TitleFr} ({t.Reference})")
                + (renewedTenders.Contains(t.TenderId) ? T(" (en verlenging)", " (et reconduction)") : "")).ToArray()));

        blocks.Add(new Heading(2, T($"Gezamenlijke opdrachten geopend in {y}", $"Marchés conjoints ouverts en {y}")));
        blocks.Add(r.Opened.Count == 0 ? new Paragraph(T("Geen.", "Aucun.")) : new Table(
            [T("Referentie", "Référence"), T("Titel", "Titre"), T("Procedure", "Procédure"), T("Deelnemende besturen", "Administrations participantes")],
            r.Opened.Select(t => (IReadOnlyList<string>)[t.Reference, Title(t.TitleNl, t.TitleFr), Wording.Capitalised(Wording.Procedure(t.Procedure, french)), string.Join(", ", t.Participants)]).ToArray(),
            [false, false, false, false]));

        void Lots(string headingNl, string headingFr, IReadOnlyList<ReportLotView> lots)
        {
            blocks.Add(new Heading(2, T(headingNl, headingFr)));
            if (lots.Count == 0)
            {
                blocks.Add(new Paragraph(T("Geen.", "Aucun.")));
                return;
            }
            blocks.Add(new Table(
                [T("Opdracht", "Marché"), T("Perceel", "Lot"), T("Leverancier", "Fournisseur"), T("Periode", "Période"), T("Totaal excl. btw", "Total HTVA"), .. admins],
                [.. lots.Select(l => (IReadOnlyList<string>)[$"{l.Reference} {Title(l.TitleNl, l.TitleFr)}", $"{l.LotNumber}. {l.LotTitle}", l.SupplierName,
                    $"{Day(l.PeriodStart)} – {Day(l.PeriodEnd)}", Money(l.AmountExclVat),
                    .. admins.Select(a => l.Shares.FirstOrDefault(s => s.Administration == a) is { } s ? Money(s.AmountExclVat) : "–")]),
                 [T("Totaal", "Total"), "", "", "", Money(lots.Sum(l => l.AmountExclVat)),
                    .. admins.Select(a => Money(lots.SelectMany(l => l.Shares).Where(s => s.Administration == a).Sum(s => s.AmountExclVat)))]],
                [false, false, false, false, true, .. admins.Select(_ => true)]));
        }
        Lots($"Percelen gegund in {y}", $"Lots attribués en {y}", r.Awarded);
        Lots($"Percelen verlengd in {y}", $"Lots reconduits en {y}", r.Renewed);

        blocks.Add(new Heading(2, T("Aandeel van elk bestuur (excl. btw)", "Part de chaque administration (HTVA)")));
        blocks.Add(new Table(
            [T("Bestuur", "Administration"), T($"Gegund {y}", $"Attribué {y}"), T($"Verlengd {y}", $"Reconduit {y}"), T($"Gegund {p}", $"Attribué {p}"), T($"Verlengd {p}", $"Reconduit {p}")],
            r.PerAdministration.Select(a => (IReadOnlyList<string>)[a.Administration, Money(a.AwardedExclVat), Money(a.RenewedExclVat), Money(a.PreviousAwardedExclVat), Money(a.PreviousRenewedExclVat)]).ToArray(),
            [false, true, true, true, true]));

        blocks.Add(new Heading(2, T($"Vergelijking met {p}", $"Comparaison avec {p}")));
        string Change(decimal now, decimal before) => (now - before).ToString("+#,##0.##;-#,##0.##;0", culture);
        blocks.Add(new Table(
            [T("Kengetal", "Indicateur"), $"{p}", $"{y}", T("Verschil", "Différence")],
            [
                [T("Gezamenlijke opdrachten geopend", "Marchés conjoints ouverts"), $"{r.PreviousYear.TendersOpened}", $"{r.ThisYear.TendersOpened}", Change(r.ThisYear.TendersOpened, r.PreviousYear.TendersOpened)],
                [T("Percelen gegund", "Lots attribués"), $"{r.PreviousYear.LotsAwarded}", $"{r.ThisYear.LotsAwarded}", Change(r.ThisYear.LotsAwarded, r.PreviousYear.LotsAwarded)],
                [T("Gegund excl. btw", "Attribué HTVA"), Money(r.PreviousYear.AwardedExclVat), Money(r.ThisYear.AwardedExclVat), Change(r.ThisYear.AwardedExclVat, r.PreviousYear.AwardedExclVat) + " €"],
                [T("Percelen verlengd", "Lots reconduits"), $"{r.PreviousYear.LotsRenewed}", $"{r.ThisYear.LotsRenewed}", Change(r.ThisYear.LotsRenewed, r.PreviousYear.LotsRenewed)],
                [T("Verlengd excl. btw", "Reconduit HTVA"), Money(r.PreviousYear.RenewedExclVat), Money(r.ThisYear.RenewedExclVat), Change(r.ThisYear.RenewedExclVat, r.PreviousYear.RenewedExclVat) + " €"],
                [T("Lidmaatschappen van aankoopcentrales", "Adhésions à des centrales d'achat"), $"{r.PreviousYear.MembershipsActive}", $"{r.ThisYear.MembershipsActive}", Change(r.ThisYear.MembershipsActive, r.PreviousYear.MembershipsActive)],
            ],
            [false, true, true, true]));

        blocks.Add(new Heading(2, T("Lidmaatschappen van aankoopcentrales", "Adhésions aux centrales d'achat")));
        blocks.Add(r.Memberships.Count == 0 ? new Paragraph(T("Geen.", "Aucune.")) : new Table(
            [T("Bestuur", "Administration"), T("Aankoopcentrale", "Centrale d'achat"), T("Van", "Du"), T("Tot", "Au"), T($"In {y}", $"En {y}")],
            r.Memberships.Select(m => (IReadOnlyList<string>)[m.Administration, Title(m.CentralNameNl, m.CentralNameFr), Day(m.Start),
                m.End is { } end ? Day(end) : T("onbepaalde duur", "durée indéterminée"),
                m.JoinedInYear ? T("toegetreden", "adhésion") : m.EndedInYear ? T("beëindigd", "fin") : T("lopend", "en cours")]).ToArray(),
            [false, false, false, false, false]));
        return blocks;
    }
}
