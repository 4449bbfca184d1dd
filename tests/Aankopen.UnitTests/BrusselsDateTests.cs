using System.Globalization;
using Aankopen.Domain;
using Aankopen.Domain.Tenders;
using Aankopen.Domain.Tenders.AwardLot;
using Aankopen.Domain.Tenders.PublishTender;
using Aankopen.Domain.Tenders.Renewals;
using Shouldly;
using static Aankopen.UnitTests.Samples;

namespace Aankopen.UnitTests;

/// <summary>Every date rule counts in Brussels: the hours around midnight, and both changes of the clocks.</summary>
public sealed class BrusselsDateTests
{
    [Theory]
    [InlineData("2026-12-31T22:59:59Z", "2026-12-31")]
    [InlineData("2026-12-31T23:00:00Z", "2027-01-01")]
    // Summer time begins on 29 March 2026 at 02:00 (01:00 UTC): before it, one hour ahead of UTC; after, two.
    [InlineData("2026-03-28T22:59:59Z", "2026-03-28")]
    [InlineData("2026-03-28T23:00:00Z", "2026-03-29")]
    [InlineData("2026-03-29T21:59:59Z", "2026-03-29")]
    [InlineData("2026-03-29T22:00:00Z", "2026-03-30")]
    // It ends on 25 October 2026 at 03:00 (01:00 UTC).
    [InlineData("2026-10-24T21:59:59Z", "2026-10-24")]
    [InlineData("2026-10-24T22:00:00Z", "2026-10-25")]
    [InlineData("2026-10-25T22:59:59Z", "2026-10-25")]
    [InlineData("2026-10-25T23:00:00Z", "2026-10-26")]
    public void The_date_is_the_one_in_brussels(string utc, string date) =>
        BrusselsCalendar.DateOf(DateTimeOffset.Parse(utc, CultureInfo.InvariantCulture)).ShouldBe(DateOnly.Parse(date, CultureInfo.InvariantCulture));

    [Fact]
    public void At_half_past_midnight_on_new_years_day_in_brussels_last_years_period_is_over()
    {
        // The contract period ends on 31 December 2027; 23:30 UTC that day is already 1 January 2028 in Brussels.
        var running = JointTender.Fold([
            Opened("GEMEENTE", "OCMW"), Lot(1), OptIn(1, "GEMEENTE", 60_000m), Closed(), Published(), .. AllApproved,
            Awarded(1, new AwardShare("GEMEENTE", 600m, 600m, "0100/123-48")),
        ])!;

        RenewalDeciders.RenewNow(running, 1, Cell, new DateTimeOffset(2027, 12, 31, 22, 59, 0, TimeSpan.Zero)).IsRefused.ShouldBeFalse();
        RenewalDeciders.RenewNow(running, 1, Cell, new DateTimeOffset(2027, 12, 31, 23, 30, 0, TimeSpan.Zero)).Errors.ShouldHaveSingleItem()
            .Code.ShouldBe("period-over");
    }

    [Fact]
    public void A_supplier_may_not_be_one_of_the_tenders_own_administrations()
    {
        var published = JointTender.Fold([Opened("GEMEENTE", "OCMW"), Lot(1), OptIn(1, "GEMEENTE", 1_000m), Closed(), Published(), .. AllApproved])!;
        AwardLotCommand Award(string supplier) => new(1, "X", supplier, 900m, new DateOnly(2027, 1, 1), new DateOnly(2027, 12, 31), null, Cell);

        var own = AwardLotDecider.Decide(published, Award("BE0212000131"), Now, Administrations.All).Errors.ShouldHaveSingleItem();
        own.Code.ShouldBe("supplier-is-participant");
        own.Nl.ShouldContain("OCMW Jette");
        own.Fr.ShouldContain("CPAS de Jette");
        // A third party, a foreign one, and an administration this tender does not involve may be suppliers.
        AwardLotDecider.Decide(published, Award("0403.170.701"), Now, Administrations.All).IsRefused.ShouldBeFalse();
        AwardLotDecider.Decide(published, Award("FR40303265045"), Now, Administrations.All).IsRefused.ShouldBeFalse();
        AwardLotDecider.Decide(published, Award("0250.000.177"), Now, Administrations.All).IsRefused.ShouldBeFalse();
    }
}

/// <summary>Refusals and warnings say dates and moments as a Brussels reader reads them, not in UTC.</summary>
public sealed class BrusselsWordingTests
{
    [Theory]
    // Midnight of New Year in Brussels is 23:00 UTC the day before; in summer Brussels is two hours ahead.
    [InlineData("2026-12-31T23:00:00Z", "1 januari 2027 om 00:00", "1er janvier 2027 à 00:00")]
    [InlineData("2026-12-31T22:59:00Z", "31 december 2026 om 23:59", "31 décembre 2026 à 23:59")]
    [InlineData("2026-07-01T10:00:00Z", "1 juli 2026 om 12:00", "1er juillet 2026 à 12:00")]
    // The hour the clocks go back (25 October 2026) shows twice in Brussels: 02:30 summer time, then winter time;
    // the refusal says which.
    [InlineData("2026-10-25T00:30:00Z", "25 oktober 2026 om 02:30 (zomertijd)", "25 octobre 2026 à 02:30 (heure d'été)")]
    [InlineData("2026-10-25T01:30:00Z", "25 oktober 2026 om 02:30 (wintertijd)", "25 octobre 2026 à 02:30 (heure d'hiver)")]
    public void An_opt_in_deadline_that_passed_is_named_in_brussels_time(string deadlineUtc, string nl, string fr)
    {
        var deadline = DateTimeOffset.Parse(deadlineUtc, CultureInfo.InvariantCulture);
        var open = JointTender.Fold([Opened("GEMEENTE", "OCMW") with { OptInDeadline = deadline }])!;

        var refusal = TenderRules.NotOpenForOptIn(open, deadline.AddMinutes(1)).ShouldNotBeNull();

        refusal.Code.ShouldBe("opt-in-deadline-passed");
        refusal.Nl.ShouldContain(nl);
        refusal.Fr.ShouldContain(fr);
        refusal.Nl.ShouldNotContain("UTC");
    }

    [Fact]
    public void A_publication_dated_before_the_opening_names_the_brussels_day_of_the_opening()
    {
        // Opened at 23:30 UTC on 31 December 2026: in Brussels that is already New Year's Day, so 31 December is too early.
        var openedAt = new DateTimeOffset(2026, 12, 31, 23, 30, 0, TimeSpan.Zero);
        var closed = JointTender.Fold([Opened("GEMEENTE") with { OpenedAt = openedAt }, Lot(1), OptIn(1, "GEMEENTE", 1_000m), Closed()])!;

        var refusal = PublishTenderDecider.Decide(closed, new("BDA 2027-1", new DateOnly(2026, 12, 31), Cell), openedAt.AddDays(2))
            .Errors.ShouldHaveSingleItem();

        refusal.Code.ShouldBe("publication-date-invalid");
        refusal.Nl.ShouldContain("(1 januari 2027)");
        refusal.Fr.ShouldContain("(1er janvier 2027)");
        PublishTenderDecider.Decide(closed, new("BDA 2027-1", new DateOnly(2027, 1, 1), Cell), openedAt.AddDays(2)).IsRefused.ShouldBeFalse();
    }
}
