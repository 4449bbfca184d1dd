using System.IO.Compression;
using System.Xml.Linq;
using Aankopen.Domain.Memberships;
using Aankopen.Domain.Tenders;
using Aankopen.Reports.Synergies;
using Shouldly;
using static Aankopen.UnitTests.Samples;

namespace Aankopen.UnitTests;

public sealed class SynergyReportTests
{
    private static readonly string[] JetteAdministrations = ["GEMEENTE", "OCMW"];

    // Opened in 2026, lot 1 awarded in December 2026 (the sample's award date), renewed from 2028.
    private static readonly object[] MealVouchersHistory =
    [
        Opened("GEMEENTE", "OCMW"), Lot(1), Lot(2),
        OptIn(1, "GEMEENTE", 90_000m), OptIn(1, "OCMW", 30_000m, "0900/123-48"),
        Closed(2), Published(),
        Awarded(1, new AwardShare("GEMEENTE", 75_000.01m, 75_000.01m, "0100/123-48"), new AwardShare("OCMW", 25_000.00m, 25_000.00m, "0900/123-48")),
    ];

    private static readonly JointTender MealVouchers = JointTender.Fold(MealVouchersHistory)!;

    private static readonly LotRenewed RenewedIn2028 = new(TenderId, 1, 1, new DateOnly(2028, 1, 1), new DateOnly(2028, 12, 31), 100_000.01m, 0m, 100_000.01m,
        [new AwardShare("GEMEENTE", 75_000.01m, 75_000.01m, "0100/123-48"), new AwardShare("OCMW", 25_000.00m, 25_000.00m, "0900/123-48")], "system", new DateTimeOffset(2028, 1, 1, 0, 5, 0, TimeSpan.Zero));

    private static readonly CentralMembership Forem = new(Guid.NewGuid(), "OCMW", "FOREM", "Raad voor maatschappelijk welzijn", new DateOnly(2026, 3, 1), "RMW/2026/12",
        new MembershipScope(["paper"], []), new DateOnly(2026, 4, 1), new DateOnly(2028, 3, 31), 3, false, null);

    private static readonly Dictionary<string, PurchasingCentral> Centrals = new()
    {
        ["FOREM"] = new("FOREM", "Aankoopcentrale FOREM", "Centrale d'achat du FOREM", "0236.363.165", CentralLevel.Regional, Cell, OpenedAt),
    };

    private static Contracts.Api.V1.SynergyReportView Report(int year) =>
        SynergyReport.Build(year, JetteAdministrations, [MealVouchers], [RenewedIn2028], [Forem], Centrals, Administrations.All);

    [Fact]
    public void A_tender_counts_the_year_it_was_opened_and_its_award_the_year_it_was_decided_with_each_share()
    {
        var report = Report(2026);

        report.Opened.ShouldHaveSingleItem().Participants.ShouldBe(JetteAdministrations);
        var award = report.Awarded.ShouldHaveSingleItem();
        award.Shares.Select(s => (s.Administration, s.AmountExclVat)).ShouldBe([("GEMEENTE", 75_000.01m), ("OCMW", 25_000.00m)]);
        award.Shares.Sum(s => s.AmountExclVat).ShouldBe(award.AmountExclVat);
        report.Renewed.ShouldBeEmpty();
        report.PerAdministration.Single(a => a.Administration == "OCMW").AwardedExclVat.ShouldBe(25_000.00m);
        report.ThisYear.ShouldBe(new(1, 1, 100_000.01m, 0, 0m, 1, 1));
        report.PreviousYear.ShouldBe(new(0, 0, 0m, 0, 0m, 0));
    }

    [Fact]
    public void A_renewal_counts_the_year_its_period_starts_and_the_year_before_is_there_to_compare()
    {
        var report = Report(2028);

        report.Opened.ShouldBeEmpty();
        report.Awarded.ShouldBeEmpty();
        report.Renewed.ShouldHaveSingleItem().PeriodStart.ShouldBe(new DateOnly(2028, 1, 1));
        var city = report.PerAdministration.Single(a => a.Administration == "GEMEENTE");
        (city.RenewedExclVat, city.PreviousAwardedExclVat).ShouldBe((75_000.01m, 0m));
        var membership = report.Memberships.ShouldHaveSingleItem();
        (membership.EndedInYear, membership.JoinedInYear, membership.CentralNameFr).ShouldBe((true, false, "Centrale d'achat du FOREM"));
        Report(2029).Memberships.ShouldBeEmpty();
    }

    [Fact]
    public void The_chapter_reads_like_the_reports_list_of_joint_tenders_in_each_language()
    {
        var dutch = SynergyChapter.Compose(Report(2028), french: false, new DateOnly(2029, 2, 1));
        var french = SynergyChapter.Compose(Report(2028), french: true, new DateOnly(2029, 2, 1));

        // Renewed in 2028, awarded in 2026: a continuing contract ("verderzetting"), not a new one.
        dutch.OfType<Bullets>().Single().Items.ShouldBe(["Verderzetting van de gezamenlijke overheidsopdracht voor Maaltijdcheques 2027 (AC-2027-001)"]);
        french.OfType<Bullets>().Single().Items.ShouldBe(["Poursuite du marché public conjoint pour Chèques-repas 2027 (AC-2027-001)"]);
        var renewed = dutch.OfType<Table>().Single(t => t.Header.Contains("Gemeente Jette") && t.Rows.Any(r => r[0].StartsWith("AC-2027-001", StringComparison.Ordinal)));
        renewed.Rows[^1].ShouldBe(["Totaal", "", "", "", "100.000,01 €", "75.000,01 €", "25.000,00 €"]);
        // The budget annex of the following year, as art. 26bis §5 has it, naming the administrations.
        french.OfType<Heading>().First().Text.ShouldBe("Annexe au budget 2029 : synergies et économies d'échelle dans les marchés publics 2028");
        french.OfType<Paragraph>().First().Text.ShouldContain("entre Commune de Jette et CPAS de Jette");
        dutch.OfType<Paragraph>().First().Text.ShouldContain("Dit verslag wordt gevoegd bij de begroting 2029.");
        dutch.OfType<Paragraph>().First().Text.ShouldNotContain("GEMEENTE", Case.Sensitive);
    }

    [Fact]
    public void The_word_document_holds_the_chapter_as_headings_paragraphs_and_tables_in_its_language()
    {
        var blocks = SynergyChapter.Compose(Report(2026), french: false, new DateOnly(2027, 2, 1));

        using var zip = new ZipArchive(new MemoryStream(ChapterDocx.Write(blocks, french: false)));
        zip.Entries.Select(e => e.FullName).ShouldBe(["[Content_Types].xml", "_rels/.rels", "word/_rels/document.xml.rels", "word/styles.xml", "word/document.xml"], ignoreOrder: true);
        XNamespace w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
        var document = XDocument.Load(zip.GetEntry("word/document.xml")!.Open());
        var paragraphs = document.Descendants(w + "p").Select(p => string.Concat(p.Descendants(w + "t").Select(t => t.Value))).ToArray();
        paragraphs.ShouldContain("Bijlage bij de begroting 2027: synergieën en schaalvoordelen in de overheidsopdrachten 2026");
        paragraphs.ShouldContain("75.000,01 €");
        document.Descendants(w + "tbl").Count().ShouldBe(blocks.OfType<Table>().Count());
        document.Descendants(w + "pStyle").Select(s => s.Attribute(w + "val")!.Value).ShouldContain("Heading2");
        XDocument.Load(zip.GetEntry("word/styles.xml")!.Open()).Descendants(w + "lang").Single().Attribute(w + "val")!.Value.ShouldBe("nl-BE");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void The_word_document_opens_without_repair_as_the_open_xml_validator_reads_it(bool french)
    {
        var bytes = ChapterDocx.Write(SynergyChapter.Compose(Report(2026), french, new DateOnly(2027, 2, 1)), french);

        using var document = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var errors = new DocumentFormat.OpenXml.Validation.OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Office2019).Validate(document, TestContext.Current.CancellationToken)
            .Select(e => $"{e.Path?.XPath}: {e.Description}").ToArray();
        errors.ShouldBeEmpty();
        document.MainDocumentPart!.Document!.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Table>().ShouldNotBeEmpty();
    }

    [Fact]
    public void The_html_chapter_escapes_text_and_right_aligns_figures()
    {
        var html = ChapterHtml.Fragment([new Paragraph("Cheques & Co <NV>"), new Table(["Bestuur", "Bedrag"], [["OCMW", "25.000,00 €"]], [false, true])]);

        html.ShouldContain("Cheques &amp; Co &lt;NV&gt;");
        html.ShouldContain("<td align=\"right\">25.000,00 €</td>");
    }

    [Fact]
    public void Only_tenders_two_or_more_administrations_take_part_in_count_as_joint_and_centrals_are_counted_once()
    {
        var cityOnly = JointTender.Fold([Opened("GEMEENTE", "OCMW") with { TenderId = Guid.NewGuid(), Reference = "AC-2027-002" }, Lot(1) with { TenderId = Guid.NewGuid() },
            OptIn(1, "GEMEENTE", 10_000m)])!;
        var draft = JointTender.Fold([Drafted("GEMEENTE", "OCMW") with { TenderId = Guid.NewGuid(), Reference = "AC-2027-003" }])!;
        var cancelled = JointTender.Fold([Opened("GEMEENTE", "OCMW") with { TenderId = Guid.NewGuid(), Reference = "AC-2027-004" }, Lot(1),
            OptIn(1, "GEMEENTE", 1m), OptIn(1, "OCMW", 1m), new TenderCancelled(TenderId, "Budget", Cell, Now)])!;
        var foremAgain = Forem with { Id = Guid.NewGuid(), Administration = "GEMEENTE" };

        var report = SynergyReport.Build(2026, JetteAdministrations, [MealVouchers, cityOnly, draft, cancelled], [], [Forem, foremAgain], Centrals, Administrations.All);

        report.Opened.Select(t => t.Reference).ShouldBe(["AC-2027-001"]);
        (report.ThisYear.TendersOpened, report.ThisYear.MembershipsActive, report.ThisYear.CentralsJoined).ShouldBe((1, 2, 1));
        SynergyChapter.Compose(report, french: false, new DateOnly(2027, 2, 1)).OfType<Paragraph>().ElementAt(1).Text
            .ShouldContain("De besturen waren lid van 1 aankoopcentrales.");
    }

    [Fact]
    public void The_decisions_of_the_year_are_listed_with_their_body_date_and_standing()
    {
        var decided = JointTender.Fold([.. MealVouchersHistory, .. ConditionsApproved("GEMEENTE", "OCMW"),
            new DecisionSupervised(TenderId, 2, "OCMW", SupervisionAct.Suspended, new DateOnly(2026, 11, 5), "G/1", Cell, Now)])!;

        var report = SynergyReport.Build(2026, JetteAdministrations, [decided], [], [], Centrals, Administrations.All);
        var table = SynergyChapter.Compose(report, french: true, new DateOnly(2027, 2, 1)).OfType<Table>().Single(t => t.Header.Contains("Décision"));

        table.Rows.Select(r => (r[0], r[2], r[3], r[4])).ShouldBe(
        [
            ("Commune de Jette", "Participation et conditions", "Conseil communal", "20 octobre 2026"),
            ("CPAS de Jette", "Participation et conditions", "Conseil de l'action sociale", "20 octobre 2026 (suspendue)"),
        ]);
        SynergyReport.Build(2027, JetteAdministrations, [decided], [], [], Centrals).Decisions.ShouldBeEmpty();
    }

    [Fact]
    public void A_contract_that_ended_in_the_year_is_a_realisation_of_its_own()
    {
        var terminated = JointTender.Transition(MealVouchers, new LotTerminated(TenderId, 1, new DateOnly(2027, 6, 30), "Wanprestatie", Cell, Now))!;

        var dutch = SynergyChapter.Compose(SynergyReport.Build(2027, JetteAdministrations, [terminated], [], [], Centrals), french: false, new DateOnly(2028, 2, 1));
        var french = SynergyChapter.Compose(SynergyReport.Build(2027, JetteAdministrations, [terminated], [], [], Centrals), french: true, new DateOnly(2028, 2, 1));

        dutch.OfType<Bullets>().Single().Items.ShouldBe(["Einde van perceel 1 van de gezamenlijke overheidsopdracht voor Maaltijdcheques 2027 (AC-2027-001) op 30 juni 2027"]);
        french.OfType<Bullets>().Single().Items.ShouldBe(["Fin du lot 1 du marché public conjoint pour Chèques-repas 2027 (AC-2027-001) le 30 juin 2027"]);
        SynergyReport.Build(2026, JetteAdministrations, [terminated], [], [], Centrals).Ended.ShouldBeEmpty();
    }

    [Fact]
    public void A_framework_is_named_as_such_continues_as_such_and_each_administration_shows_what_it_ordered_in_the_year()
    {
        var awarded = (LotAwarded)MealVouchersHistory[^1] with { Agreement = AgreementKind.Framework };
        OrderRecorded Order(int number, string administration, decimal amount, DateOnly on) =>
            new(TenderId, 1, number, administration, 0, on, $"BB/{number}", amount, amount, "0900/1", Cell, OpenedAt);
        var framework = JointTender.Fold([.. MealVouchersHistory[..^1], awarded, Order(1, "OCMW", 2_000m, new DateOnly(2027, 3, 1)),
            Order(2, "OCMW", 500m, new DateOnly(2027, 12, 31)), Order(3, "GEMEENTE", 1_000m, new DateOnly(2028, 1, 1))])!;
        var renewedIn2027 = RenewedIn2028 with { PeriodStart = new DateOnly(2027, 6, 1) };

        var report = SynergyReport.Build(2027, JetteAdministrations, [framework], [renewedIn2027], [], Centrals, Administrations.All);
        report.PerAdministration.Select(a => (a.Administration, a.OrderedExclVat)).ShouldBe([("GEMEENTE", (decimal?)0m), ("OCMW", (decimal?)2_500m)]);
        report.Renewed.ShouldHaveSingleItem().Framework.ShouldBeTrue();
        var dutch = SynergyChapter.Compose(report, french: false, new DateOnly(2028, 2, 1));
        dutch.OfType<Bullets>().First().Items.ShouldContain("Verderzetting van de gezamenlijke raamovereenkomst voor Maaltijdcheques 2027 (AC-2027-001)");
        var figures = dutch.OfType<Table>().Single(t => t.Header.Contains("Besteld 2027 (raamovereenkomsten)"));
        figures.Rows.Single(r => r[0] == "OCMW Jette")[3].ShouldBe("2.500,00 €");

        // Awarded and renewed in the same year: one realisation, "and renewal".
        var sameYear = SynergyReport.Build(2026, JetteAdministrations, [framework], [RenewedIn2028 with { PeriodStart = new DateOnly(2026, 12, 20) }], [], Centrals);
        SynergyChapter.Compose(sameYear, french: true, new DateOnly(2027, 2, 1)).OfType<Bullets>().First().Items
            .ShouldContain("Accord-cadre conjoint pour Chèques-repas 2027 (AC-2027-001) (et reconduction)");
    }
}
