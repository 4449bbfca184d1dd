using System.Globalization;
using Aankopen.Api.Shared;
using Aankopen.Api.Tenders;
using Aankopen.Api.Tenders.AwardLot;
using Aankopen.Api.Tenders.Renewals;
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
            Opened("GEMEENTE", "OCMW"), Lot(1), OptIn(1, "GEMEENTE", 60_000m), Closed(), Published(),
            Awarded(1, new AwardShare("GEMEENTE", 600m, 600m, "0100/123-48")),
        ])!;

        RenewalDeciders.RenewNow(running, 1, Cell, new DateTimeOffset(2027, 12, 31, 22, 59, 0, TimeSpan.Zero)).IsRefused.ShouldBeFalse();
        RenewalDeciders.RenewNow(running, 1, Cell, new DateTimeOffset(2027, 12, 31, 23, 30, 0, TimeSpan.Zero)).Errors.ShouldHaveSingleItem()
            .Code.ShouldBe("period-over");
    }

    [Fact]
    public void A_supplier_may_not_be_one_of_the_tenders_own_administrations()
    {
        var published = JointTender.Fold([Opened("GEMEENTE", "OCMW"), Lot(1), OptIn(1, "GEMEENTE", 1_000m), Closed(), Published()])!;
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
