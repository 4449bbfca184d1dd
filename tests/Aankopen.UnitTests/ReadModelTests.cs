using Aankopen.Domain.Administrations;
using Aankopen.Domain.Tenders;
using Aankopen.Store.Tenders.ReadModels;
using Shouldly;
using static Aankopen.UnitTests.Samples;

namespace Aankopen.UnitTests;

public class ReadModelTests
{
    private static readonly object[] History =
    [
        Opened("GEMEENTE", "OCMW", "POLITIE"), Lot(1), Lot(2),
        OptIn(1, "GEMEENTE", 60_000m, "0100/123-48"), OptIn(1, "OCMW", 40_000m, "0900/123-48"), OptIn(2, "OCMW", 5_000m, "0900/1"),
        new OptInWithdrawn(TenderId, 2, "OCMW", Cell, Now), Closed(2), Published(),
        Awarded(1, new AwardShare("GEMEENTE", 57_000m, 57_000m, "0100/123-48"), new AwardShare("OCMW", 38_000m, 38_000m, "0900/123-48")),
    ];

    private static Participation ParticipationOf(string administration) =>
        History.Skip(1).Aggregate(Participation.Start((TenderOpened)History[0], administration), (p, e) => p.Following(e));

    [Fact]
    public void A_participation_holds_only_its_own_administration_and_share()
    {
        var ocmw = ParticipationOf("OCMW");

        ocmw.Id.ShouldBe($"{TenderId:N}/OCMW");
        ocmw.TenderStatus.ShouldBe(TenderStatus.Published);
        ocmw.Lots[1].Status.ShouldBe(ParticipationStatus.Awarded);
        ocmw.Lots[1].ShareExclVat.ShouldBe(38_000m);
        ocmw.Lots[1].BudgetLine.ShouldBe("0900/123-48");
        ocmw.Lots[2].Status.ShouldBe(ParticipationStatus.Dropped);
    }

    [Fact]
    public void A_share_awarded_the_year_after_the_opening_is_found_under_both_years()
    {
        var awardedNextYear = (LotAwarded)History[^1] with { AwardedAt = new DateTimeOffset(2027, 2, 1, 9, 0, 0, TimeSpan.Zero) };
        var ocmw = History.Skip(1).SkipLast(1).Append(awardedNextYear)
            .Aggregate(Participation.Start((TenderOpened)History[0], "OCMW"), (p, e) => p.Following(e));

        ocmw.Year.ShouldBe(2026);
        ocmw.AwardYears.ShouldBe([2027]);
        ocmw.YearKeys.ShouldBe(["OCMW/2026", "OCMW/2027"]);
    }

    [Fact]
    public void A_share_awarded_in_the_opening_year_is_one_key()
    {
        var city = History.Skip(1).Aggregate(Participation.Start((TenderOpened)History[0], "GEMEENTE"), (p, e) => p.Following(e));

        city.AwardYears.ShouldBe([2026]);
        city.YearKeys.ShouldBe(["GEMEENTE/2026"]);
    }

    [Fact]
    public void An_invited_administration_that_never_opted_in_has_no_lots()
    {
        ParticipationOf("POLITIE").Lots.ShouldBeEmpty();
    }

    [Fact]
    public void The_tender_record_carries_the_list_columns()
    {
        var record = TenderRecord.From(JointTender.Fold(History)!, 11);

        record.Version.ShouldBe(11);
        record.Year.ShouldBe(2026);
        record.CpvDivision.ShouldBe(30);
        record.Status.ShouldBe(TenderStatus.Published);
        record.EstimatedTotalExclVat.ShouldBe(100_000m);
        record.AwardedTotalExclVat.ShouldBe(95_000m);
        record.SearchText.ShouldContain("chèques-repas");
        record.Administrations.ShouldBe(["GEMEENTE", "OCMW", "POLITIE"]);
        record.YearKeys.ShouldBe(["GEMEENTE/2026", "OCMW/2026", "POLITIE/2026"]);
    }

    [Fact]
    public void The_tender_records_document_holds_each_lot_once()
    {
        var record = TenderRecord.From(JointTender.Fold(History)!, 11);

        var json = System.Text.Json.JsonSerializer.Serialize(record);

        json.ShouldContain("\"Lots\"");
        json.ShouldNotContain("LiveLots");
        record.State.LiveLots.Count().ShouldBe(1); // lot 2 was dropped at the close; still worked out from Lots
    }

    [Fact]
    public void The_tender_record_carries_its_running_lots_for_the_calendar_under_their_months()
    {
        // Samples.Awarded: 2027-01-01 to 2027-12-31, renewable by a year with 90 days' notice; lot 2 was dropped.
        var record = TenderRecord.From(JointTender.Fold(History)!, 11);

        var lot = record.CalendarLots.ShouldHaveSingleItem();
        lot.ShouldSatisfyAllConditions(l => l.LotNumber.ShouldBe(1), l => l.NoticeDeadline.ShouldBe(new DateOnly(2027, 10, 2)),
            l => l.PeriodEnd.ShouldBe(new DateOnly(2027, 12, 31)), l => l.FirstDate.ShouldBe(new DateOnly(2027, 10, 2)),
            l => l.NextRenewal.ShouldBe(1), l => l.Renewals.ShouldBe(0), l => l.Administrations.ShouldBe(["GEMEENTE", "OCMW"]),
            l => l.Declined.ShouldBeEmpty());
        record.RenewalKeys.ShouldBe(["2027-10", "2027-12", "GEMEENTE/2027-10", "GEMEENTE/2027-12", "OCMW/2027-10", "OCMW/2027-12"]);
        TenderRecord.From(JointTender.Fold(History.SkipLast(1))!, 10).RenewalKeys.ShouldBeEmpty();
    }

    /// <summary>The rebuild folds each tender at once; the projections fold it an event at a time. Same result.</summary>
    [Fact]
    public void Folding_a_whole_tender_at_once_gives_what_the_projections_give_event_by_event()
    {
        var stored = History.Select((e, i) => new StoredTenderEvent(i + 1, 100 + i, e)).ToArray();
        var asEvents = stored.Select(e => Wrapped(e.Data, e.Version)).ToArray();

        var records = new TenderRecordProjection();
        var record = asEvents.Aggregate((TenderRecord?)null, (r, e) => records.Evolve(r, TenderId, e));
        Json(TenderRecordProjection.Folded(new TenderStream(TenderId, stored))).ShouldBe(Json(record));

        var participations = new ParticipationProjection();
        var folded = ParticipationProjection.Folded(History).ToDictionary(p => p.Id);
        folded.Keys.Order().ShouldBe(new[] { "GEMEENTE", "OCMW", "POLITIE" }.Select(a => Participation.IdFor(TenderId, a)));
        foreach (var (id, participation) in folded)
            Json(participation).ShouldBe(Json(asEvents.Aggregate((Participation?)null, (p, e) => participations.Evolve(p, id, e))));
    }

    [Fact]
    public void A_tender_whose_opening_is_not_among_the_events_folded_has_no_participations_yet()
    {
        ParticipationProjection.Folded([]).ShouldBeEmpty();
    }

    private static JasperFx.Events.IEvent Wrapped(object data, long version)
    {
        var e = (JasperFx.Events.IEvent)Activator.CreateInstance(typeof(JasperFx.Events.Event<>).MakeGenericType(data.GetType()), data)!;
        e.Version = version;
        e.StreamId = TenderId;
        return e;
    }

    private static string Json(object? value) => System.Text.Json.JsonSerializer.Serialize(value);

    [Theory]
    [InlineData("2027-10-02", "2027-10-02", true)]
    [InlineData("2027-12-31", "2028-01-10", true)]
    [InlineData("2027-10-03", "2027-12-30", false)]
    [InlineData("2027-01-01", "2027-10-01", false)]
    public void A_calendar_lot_falls_in_a_window_by_its_notice_deadline_or_its_period_end(string from, string to, bool inWindow)
    {
        var lot = TenderRecord.From(JointTender.Fold(History)!, 11).CalendarLots.Single();

        lot.FallsIn(DateOnly.Parse(from), DateOnly.Parse(to)).ShouldBe(inWindow);
    }

    [Fact]
    public void A_window_asks_for_every_month_it_touches()
    {
        CalendarLot.WindowKeys(new DateOnly(2027, 9, 30), new DateOnly(2027, 11, 1), "OCMW").ShouldBe(["OCMW/2027-09", "OCMW/2027-10", "OCMW/2027-11"]);
        CalendarLot.WindowKeys(new DateOnly(2027, 12, 31), new DateOnly(2028, 1, 1), null).ShouldBe(["2027-12", "2028-01"]);
        CalendarLot.WindowKeys(new DateOnly(2027, 3, 15), new DateOnly(2037, 3, 15), null).Length.ShouldBe(121);
    }

    [Theory]
    [InlineData("ocmw", "OCMW Jette", "CPAS de Jette", "0212.000.131", "Ocmw", "administration-code-invalid")]
    [InlineData("OCMW", "", "CPAS de Jette", "0212.000.131", "Ocmw", "required")]
    [InlineData("OCMW", "OCMW Jette", "CPAS de Jette", "0212.000.132", "Ocmw", "enterprise-number-invalid")]
    [InlineData("OCMW", "OCMW Jette", "CPAS de Jette", "0212.000.131", "Castle", "administration-kind-invalid")]
    [InlineData("OCMW", "OCMW Jette", "CPAS de Jette", "0212.000.131", "7", "administration-kind-invalid")]
    public void An_administration_is_checked_before_it_is_registered(string code, string nl, string fr, string number, string kind, string error)
    {
        AdministrationRules.Check(code, nl, fr, number, kind).ShouldHaveSingleItem().Code.ShouldBe(error);
    }

    [Fact]
    public void A_misconfigured_administration_stops_the_start_naming_the_problem()
    {
        var e = Should.Throw<InvalidOperationException>(() => AdministrationDirectory.FromConfiguration(
            [new ConfiguredAdministration("OCMW", "OCMW", "CPAS", "0212.000.132", "Ocmw"), new ConfiguredAdministration("OCMW", "a", "b", "0212.000.131", "Ocmw")]));
        e.Message.ShouldContain("enterpriseNumber");
        e.Message.ShouldContain("listed 2 times");
    }
}
