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
        string Text(string key, params object?[] values) => ReportTexts.Say(key, values, french);
        string Money(decimal amount) => amount.ToString("N2", culture) + " €";
        string Optional(decimal? amount) => amount is { } known ? Money(known) : "–";
        string Day(DateOnly d) => d.ToString("d MMMM yyyy", culture);
        string Title(string nl, string fr) => french ? fr : nl;
        var (y, p) = (r.Year, r.Year - 1);
        // A council reads names, not codes: "Gemeente Jette en OCMW Jette", "la Commune de Jette et le CPAS de Jette".
        var names = (r.Names ?? []).ToDictionary(n => n.Code);
        string Name(string code) => names.TryGetValue(code, out var n) ? Title(n.NameNl, n.NameFr) : code;
        string Together(IReadOnlyList<string> codes) => codes.Count < 2
            ? string.Join("", codes.Select(Name))
            : Text("en-laatste", string.Join(", ", codes.SkipLast(1).Select(Name)), Name(codes[^1]));
        var admins = r.Administrations;

        var blocks = new List<Block>
        {
            new Heading(1, Text("overheidsopdrachten-synergieen-en-schaalvoordelen", y, y + 1)),
            new Paragraph(Text("verslag-bij-de-begroting", Together(admins), Day(madeOn), y, y + 1)),
            new Heading(2, Text("samenvatting")),
            new Paragraph(Text("in-werden-gezamenlijke-opdrachten-geopend-in", y, r.ThisYear.TendersOpened, r.PreviousYear.TendersOpened, p, r.ThisYear.LotsAwarded, Money(r.ThisYear.AwardedExclVat), Money(r.PreviousYear.AwardedExclVat), r.ThisYear.LotsRenewed, Money(r.ThisYear.RenewedExclVat), r.ThisYear.CentralsJoined)),
        };

        // The realisations of the year as the seeds write them: each joint tender opened or awarded ("and renewal" when
        // it also renewed in the year), then each one continued ("verderzetting") by a renewal; a framework agreement is
        // named as such, since its figures are ceilings and the orders are what was spent.
        var renewedTenders = r.Renewed.Select(l => l.TenderId).ToHashSet();
        var frameworks = r.Awarded.Concat(r.Renewed).GroupBy(l => l.TenderId).Where(g => g.All(l => l.Framework)).Select(g => g.Key).ToHashSet();
        var started = r.Opened.Select(t => (t.TenderId, t.Reference, t.TitleNl, t.TitleFr))
            .Concat(r.Awarded.Select(l => (l.TenderId, l.Reference, l.TitleNl, l.TitleFr)))
            .DistinctBy(t => t.TenderId).OrderBy(t => t.Reference, StringComparer.Ordinal).ToArray();
        var continued = r.Renewed.Select(l => (l.TenderId, l.Reference, l.TitleNl, l.TitleFr))
            .Where(t => started.All(s => s.TenderId != t.TenderId)).DistinctBy(t => t.TenderId).OrderBy(t => t.Reference, StringComparer.Ordinal);
        string Started((Guid TenderId, string Reference, string TitleNl, string TitleFr) t) =>
            (frameworks.Contains(t.TenderId) ? Text("gezamenlijke-raamovereenkomst-voor", Title(t.TitleNl, t.TitleFr), t.Reference)
                : Text("gezamenlijke-overheidsopdracht-voor", Title(t.TitleNl, t.TitleFr), t.Reference))
            + (renewedTenders.Contains(t.TenderId) ? " " + Text("en-verlenging") : "");
        var realisations = started.Select(Started)
            .Concat(continued.Select(t => frameworks.Contains(t.TenderId)
                ? Text("verderzetting-van-raamovereenkomst", Title(t.TitleNl, t.TitleFr), t.Reference)
                : Text("verderzetting-van", Title(t.TitleNl, t.TitleFr), t.Reference)))
            .Concat((r.Ended ?? []).Select(l => Text("einde-van-perceel", Title(l.TitleNl, l.TitleFr), l.Reference, l.LotNumber, Day(l.PeriodEnd))))
            .Concat((r.MeasuresDone ?? []).Select(m => Text("maatregel-uitgevoerd", Title(m.DomainNl, m.DomainFr), Title(m.TextNl, m.TextFr)))).ToArray();
        if (realisations.Length > 0)
            blocks.Add(new Bullets(realisations));

        // The measures planned for the budget year and after, per domain, as the cell entered them; each stays until done or dropped.
        blocks.Add(new Heading(2, Text("geplande-maatregelen", y + 1)));
        blocks.Add(r.Measures is { Count: > 0 } planned
            ? new Bullets(planned.Select(m => Text("maatregel-in-domein", Title(m.DomainNl, m.DomainFr), Title(m.TextNl, m.TextFr))).ToArray())
            : new Paragraph(Text("geen")));

        blocks.Add(new Heading(2, Text("gezamenlijke-opdrachten-geopend-in", y)));
        blocks.Add(r.Opened.Count == 0 ? new Paragraph(Text("geen-2")) : new Table(
            [Text("referentie"), Text("titel"), Text("procedure"), Text("deelnemende-besturen")],
            r.Opened.Select(t => (IReadOnlyList<string>)[t.Reference, Title(t.TitleNl, t.TitleFr), Wording.Capitalised(Wording.Procedure(t.Procedure, french)), Together(t.Participants)]).ToArray(),
            [false, false, false, false]));

        void Lots(string heading, IReadOnlyList<ReportLotView> lots)
        {
            blocks.Add(new Heading(2, Text(heading, y)));
            if (lots.Count == 0)
            {
                blocks.Add(new Paragraph(Text("geen-2")));
                return;
            }
            blocks.Add(new Table(
                [Text("opdracht"), Text("perceel"), Text("leverancier"), Text("periode"), Text("totaal-excl-btw"), .. admins.Select(Name)],
                [.. lots.Select(l => (IReadOnlyList<string>)[$"{l.Reference} {Title(l.TitleNl, l.TitleFr)}", $"{l.LotNumber}. {l.LotTitle}", l.SupplierName,
                    $"{Day(l.PeriodStart)} – {Day(l.PeriodEnd)}", Money(l.AmountExclVat),
                    .. admins.Select(a => l.Shares.FirstOrDefault(s => s.Administration == a) is { } s ? Money(s.AmountExclVat) : "–")]),
                 [Text("totaal"), "", "", "", Money(lots.Sum(l => l.AmountExclVat)),
                    .. admins.Select(a => Money(lots.SelectMany(l => l.Shares).Where(s => s.Administration == a).Sum(s => s.AmountExclVat)))]],
                [false, false, false, false, true, .. admins.Select(_ => true)]));
        }
        Lots("percelen-gegund-in", r.Awarded);
        Lots("percelen-verlengd-in", r.Renewed);

        // Each administration decides for itself: what its bodies decided in the year on these joint tenders.
        if (r.Decisions is { Count: > 0 } decisions)
        {
            string Kind(ReportDecisionView d) => d.Kind switch
            {
                "Conditions" => Text("besluit-voorwaarden"),
                "Award" => Text("besluit-gunning", d.LotNumber),
                _ => Text("besluit-verlenging", d.Renewal, d.LotNumber),
            };
            string Body(ReportDecisionView d) => d.Body switch
            {
                "MunicipalCouncil" => Text("gemeenteraad"),
                "College" => Text("college-van-burgemeester-en-schepenen"),
                "SocialWelfareCouncil" => Text("raad-voor-maatschappelijk-welzijn"),
                "StandingBureau" => Text("vast-bureau"),
                _ => d.BodyName ?? d.Body,
            };
            string Standing(ReportDecisionView d) => d.Standing switch
            {
                "Suspended" => $" ({Text("geschorst")})",
                "Annulled" => $" ({Text("vernietigd")})",
                _ => "",
            };
            blocks.Add(new Heading(2, Text("besluiten-van-de-besturen-in", y)));
            blocks.Add(new Table(
                [Text("bestuur"), Text("opdracht"), Text("besluit"), Text("orgaan"), Text("datum"), Text("referentie")],
                decisions.Select(d => (IReadOnlyList<string>)[Name(d.Administration), $"{d.Reference} {Title(d.TitleNl, d.TitleFr)}", Kind(d), Body(d),
                    Day(d.DecidedOn) + Standing(d), d.DecisionReference]).ToArray(),
                [false, false, false, false, false, false]));
        }

        blocks.Add(new Heading(2, Text("aandeel-van-elk-bestuur-excl-btw")));
        blocks.Add(new Table(
            [Text("bestuur"), Text("gegund", y), Text("verlengd", y), Text("besteld-onder-raamovereenkomsten", y), Text("gegund", p), Text("verlengd", p), Text("besteld-onder-raamovereenkomsten", p)],
            r.PerAdministration.Select(a => (IReadOnlyList<string>)[Name(a.Administration), Money(a.AwardedExclVat), Money(a.RenewedExclVat), Optional(a.OrderedExclVat),
                Money(a.PreviousAwardedExclVat), Money(a.PreviousRenewedExclVat), Optional(a.PreviousOrderedExclVat)]).ToArray(),
            [false, true, true, true, true, true, true]));

        blocks.Add(new Heading(2, Text("vergelijking-met", p)));
        string Change(decimal now, decimal before) => (now - before).ToString("+#,##0.##;-#,##0.##;0", culture);
        blocks.Add(new Table(
            [Text("kengetal"), $"{p}", $"{y}", Text("verschil")],
            [
                [Text("gezamenlijke-opdrachten-geopend"), $"{r.PreviousYear.TendersOpened}", $"{r.ThisYear.TendersOpened}", Change(r.ThisYear.TendersOpened, r.PreviousYear.TendersOpened)],
                [Text("percelen-gegund"), $"{r.PreviousYear.LotsAwarded}", $"{r.ThisYear.LotsAwarded}", Change(r.ThisYear.LotsAwarded, r.PreviousYear.LotsAwarded)],
                [Text("gegund-excl-btw"), Money(r.PreviousYear.AwardedExclVat), Money(r.ThisYear.AwardedExclVat), Change(r.ThisYear.AwardedExclVat, r.PreviousYear.AwardedExclVat) + " €"],
                [Text("percelen-verlengd"), $"{r.PreviousYear.LotsRenewed}", $"{r.ThisYear.LotsRenewed}", Change(r.ThisYear.LotsRenewed, r.PreviousYear.LotsRenewed)],
                [Text("verlengd-excl-btw"), Money(r.PreviousYear.RenewedExclVat), Money(r.ThisYear.RenewedExclVat), Change(r.ThisYear.RenewedExclVat, r.PreviousYear.RenewedExclVat) + " €"],
                [Text("lidmaatschappen-van-aankoopcentrales-2"), $"{r.PreviousYear.MembershipsActive}", $"{r.ThisYear.MembershipsActive}", Change(r.ThisYear.MembershipsActive, r.PreviousYear.MembershipsActive)],
            ],
            [false, true, true, true]));

        blocks.Add(new Heading(2, Text("lidmaatschappen-van-aankoopcentrales")));
        blocks.Add(r.Memberships.Count == 0 ? new Paragraph(Text("geen")) : new Table(
            [Text("bestuur"), Text("aankoopcentrale"), Text("van"), Text("tot"), Text("in", y)],
            r.Memberships.Select(m => (IReadOnlyList<string>)[Name(m.Administration), Title(m.CentralNameNl, m.CentralNameFr), Day(m.Start),
                m.End is { } end ? Day(end) : Text("onbepaalde-duur"),
                m.JoinedInYear ? Text("toegetreden") : m.EndedInYear ? Text("beeindigd") : Text("lopend")]).ToArray(),
            [false, false, false, false, false]));
        // The other way of buying through someone: an administration of the group acting as purchasing central for another.
        if (r.BuyingThrough is { Count: > 0 } through)
            blocks.Add(new Bullets(through.Select(b => Text("koopt-via-opdrachtencentrale", Name(b.Administration), Name(b.Through),
                Title(b.TitleNl, b.TitleFr), b.Reference)).ToArray()));
        return blocks;
    }
}
