using Aankopen.Contracts.Finance.V1;
using Aankopen.Domain.Tenders;
using Aankopen.Domain.Tenders.Renewals;
using Aankopen.Domain.Tenders.TerminateLot;
using Aankopen.Worker.Notifications;
using Shouldly;
using static Aankopen.UnitTests.Samples;

namespace Aankopen.UnitTests;

public class RenewalTests
{
    // Samples.Awarded: contract 2027-01-01 to 2027-12-31, one year renewable three times by a year, 90 days' notice.
    private static readonly object[] Running =
    [
        Opened("GEMEENTE", "OCMW"), Lot(1, vatRate: 21m),
        OptIn(1, "GEMEENTE", 60_000m, "0100/123-48"), OptIn(1, "OCMW", 40_000m, "0900/123-48"), Closed(), Published(),
        Awarded(1, new AwardShare("GEMEENTE", 600.01m, 726.01m, "0100/123-48"), new AwardShare("OCMW", 400.00m, 484.00m, "0900/123-48")),
    ];

    private static DateTimeOffset At(int year, int month, int day) => new(year, month, day, 6, 0, 0, TimeSpan.Zero);

    private static (JointTender State, IReadOnlyList<object> Events) Advance(object[] history, DateTimeOffset at, int lead = 30)
    {
        var tender = JointTender.Fold(history)!;
        var events = RenewalDeciders.Advance(tender, DateOnly.FromDateTime(at.UtcDateTime), lead, at).Events;
        return (events.Aggregate(tender, (s, e) => JointTender.Transition(s, e)!), events);
    }

    [Theory]
    [InlineData("2027-12-31", 12, 1, "2028-01-01", "2028-12-31")]
    [InlineData("2027-12-31", 12, 2, "2029-01-01", "2029-12-31")]
    [InlineData("2028-01-30", 1, 1, "2028-01-31", "2028-02-28")]
    [InlineData("2028-01-30", 1, 2, "2028-02-29", "2028-03-30")]
    [InlineData("2028-01-30", 1, 3, "2028-03-31", "2028-04-29")]
    [InlineData("2027-01-30", 1, 1, "2027-01-31", "2027-02-27")]
    [InlineData("2027-02-28", 6, 2, "2027-09-01", "2028-02-29")]
    public void Renewal_periods_follow_each_other_over_month_ends_and_leap_years(string initialEnd, int months, int renewal, string start, string end)
    {
        ContractPeriods.Period(DateOnly.Parse(initialEnd), months, renewal).ShouldBe((DateOnly.Parse(start), DateOnly.Parse(end)));
    }

    [Fact]
    public void No_renewal_runs_past_four_years_unless_justified()
    {
        var start = new DateOnly(2027, 1, 1);
        ContractPeriods.PossibleRenewals(start, new DateOnly(2027, 12, 31), YearlyForFourYears with { MaxRenewals = 5 }).ShouldBe(3);
        ContractPeriods.PossibleRenewals(start, new DateOnly(2027, 12, 31), YearlyForFourYears with { MaxRenewals = 5, LongerDurationJustification = "x" }).ShouldBe(5);
        ContractPeriods.PossibleRenewals(start, new DateOnly(2027, 12, 31), YearlyForFourYears with { Renewable = false }).ShouldBe(0);
        // An initial period longer than foreseen leaves room for fewer renewals.
        ContractPeriods.PossibleRenewals(start, new DateOnly(2028, 6, 30), YearlyForFourYears).ShouldBe(2);
    }

    [Fact]
    public void Renewal_due_is_recorded_once_a_lead_time_before_the_notice_deadline()
    {
        var (_, early) = Advance(Running, At(2027, 9, 1));
        early.ShouldBeEmpty();

        var (state, due) = Advance(Running, At(2027, 9, 2));
        var recorded = due.ShouldHaveSingleItem().ShouldBeOfType<RenewalBecameDue>();
        recorded.ShouldSatisfyAllConditions(r => r.Renewal.ShouldBe(1), r => r.NoticeDeadline.ShouldBe(new DateOnly(2027, 10, 2)),
            r => r.RenewsOn.ShouldBe(new DateOnly(2028, 1, 1)));
        // The next period's shares are decided here, to the cent, and kept in the event.
        recorded.ExpectedShares!.Select(s => (s.Administration, s.AmountExclVat, s.BudgetLine))
            .ShouldBe([("GEMEENTE", 600.01m, "0100/123-48"), ("OCMW", 400.00m, "0900/123-48")]);
        RenewalDeciders.Advance(state, new DateOnly(2027, 9, 3), 30, At(2027, 9, 3)).Events.ShouldBeEmpty();
    }

    [Fact]
    public void After_downtime_everything_missed_is_recorded_once_in_order()
    {
        var (state, events) = Advance(Running, At(2029, 1, 5));

        events.Select(e => e.GetType().Name).ShouldBe(["RenewalBecameDue", "LotRenewed", "RenewalBecameDue", "LotRenewed"]);
        events.OfType<LotRenewed>().Select(r => (r.Renewal, r.PeriodStart, r.PeriodEnd)).ShouldBe(
            [(1, new DateOnly(2028, 1, 1), new DateOnly(2028, 12, 31)), (2, new DateOnly(2029, 1, 1), new DateOnly(2029, 12, 31))]);
        state.Lots[1].Running!.Renewals.ShouldBe(2);
        RenewalDeciders.Advance(state, new DateOnly(2029, 1, 5), 30, At(2029, 1, 5)).Events.ShouldBeEmpty();
    }

    [Fact]
    public void After_the_last_possible_renewal_the_contract_ends()
    {
        var (state, events) = Advance(Running, At(2031, 1, 2));

        events.OfType<LotRenewed>().Count().ShouldBe(3);
        var ended = events[^1].ShouldBeOfType<LotEnded>();
        ended.ShouldSatisfyAllConditions(e => e.EndedOn.ShouldBe(new DateOnly(2030, 12, 31)), e => e.Reason.ShouldBe(LotEndReason.LastPeriod));
        state.Lots[1].Status.ShouldBe(LotStatus.Ended);
    }

    [Fact]
    public void A_renewed_period_keeps_the_shares_to_the_cent()
    {
        var renewed = Advance(Running, At(2028, 1, 1)).Events.OfType<LotRenewed>().ShouldHaveSingleItem();

        renewed.AmountExclVat.ShouldBe(1_000.01m);
        renewed.Shares.Sum(s => s.AmountExclVat).ShouldBe(renewed.AmountExclVat);
        renewed.Shares.Sum(s => s.AmountInclVat).ShouldBe(renewed.AmountInclVat);
        renewed.AmountInclVat.ShouldBe(1_210.01m);
    }

    [Fact]
    public void An_administration_that_declines_drops_out_and_the_others_continue_with_their_part()
    {
        var declined = RenewalDeciders.Decline(JointTender.Fold(Running)!, 1, "OCMW", "ocmw@jette.example", At(2027, 9, 30));
        var decline = declined.Events.ShouldHaveSingleItem().ShouldBeOfType<RenewalDeclined>();

        var renewed = Advance([.. Running, decline], At(2028, 1, 1)).Events.OfType<LotRenewed>().ShouldHaveSingleItem();
        renewed.Shares.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            s => s.Administration.ShouldBe("GEMEENTE"), s => s.AmountExclVat.ShouldBe(600.01m), s => s.AmountInclVat.ShouldBe(726.01m));
    }

    [Fact]
    public void After_a_decline_later_renewals_keep_the_continuing_share_and_a_shorter_renewal_period_scales_it()
    {
        object[] declined = [.. Running, new RenewalDeclined(TenderId, 1, 1, "OCMW", Cell, At(2027, 9, 1))];

        var renewals = Advance(declined, At(2029, 1, 5)).Events.OfType<LotRenewed>().ToArray();
        renewals.Select(r => r.AmountExclVat).ShouldBe([600.01m, 600.01m]);

        object[] halfYearly = [.. Running.Take(1), Lot(1, vatRate: 21m) with { Terms = YearlyForFourYears with { RenewalMonths = 6 } }, .. Running.Skip(2)];
        Advance(halfYearly, At(2028, 1, 1)).Events.OfType<LotRenewed>().ShouldHaveSingleItem().AmountExclVat.ShouldBe(500.01m);
    }

    [Fact]
    public void When_everyone_declines_the_contract_ends_with_its_period()
    {
        object[] history = [.. Running,
            new RenewalDeclined(TenderId, 1, 1, "OCMW", Cell, At(2027, 9, 1)), new RenewalDeclined(TenderId, 1, 1, "GEMEENTE", Cell, At(2027, 9, 1))];

        Advance(history, At(2028, 1, 1)).Events[^1].ShouldBeOfType<LotEnded>().Reason.ShouldBe(LotEndReason.AllDeclined);
    }

    [Fact]
    public void Declining_or_terminating_after_the_notice_deadline_is_refused_naming_it()
    {
        var tender = JointTender.Fold(Running)!;

        var decline = RenewalDeciders.Decline(tender, 1, "OCMW", Cell, At(2027, 10, 3)).Errors.ShouldHaveSingleItem();
        decline.Code.ShouldBe("notice-deadline-passed");
        decline.Nl.ShouldContain("2 oktober 2027");
        decline.Fr.ShouldContain("1er janvier 2028");
        RenewalDeciders.NotRenew(tender, 1, "Te duur", Cell, At(2027, 10, 3)).Errors.ShouldHaveSingleItem().Code.ShouldBe("notice-deadline-passed");
        // Ending early for the supplier's default is another act, not bound by the notice deadline.
        TerminateLotDecider.Decide(tender, new TerminateLotCommand(1, new DateOnly(2027, 12, 31), "Wanprestatie", Cell, TerminationGround.Default), At(2027, 10, 3))
            .Events.ShouldHaveSingleItem().ShouldBeOfType<LotTerminated>().Ground.ShouldBe(TerminationGround.Default);
        RenewalDeciders.Decline(tender, 1, "POLITIE", Cell, At(2027, 9, 1)).Errors.ShouldHaveSingleItem().Code.ShouldBe("not-a-participant");
    }

    [Theory]
    [InlineData("2027-01-01", "2027-12-31", 12)]
    [InlineData("2027-01-15", "2028-07-14", 18)]
    [InlineData("2027-03-01", "2027-03-31", 1)]
    [InlineData("2027-01-01", "2027-01-15", 0.48)]
    [InlineData("2028-01-01", "2028-12-31", 12)]
    public void A_period_lasts_its_whole_months_and_the_rest_as_a_fraction(string start, string end, double months) =>
        decimal.Round(ContractPeriods.Months(DateOnly.Parse(start), DateOnly.Parse(end)), 2).ShouldBe((decimal)months);

    [Fact]
    public void A_renewal_is_scaled_from_the_awarded_period_not_from_the_terms()
    {
        // Terms of 12 months, but awarded for 18 months for 150,000: each 12-month renewal books 100,000.
        var history = Running[..^1].Append(Awarded(1, new AwardShare("GEMEENTE", 90_000m, 90_000m, "0100/123-48"),
            new AwardShare("OCMW", 60_000m, 60_000m, "0900/123-48")) with
        { ContractStart = new DateOnly(2027, 1, 1), ContractEnd = new DateOnly(2028, 6, 30) }).ToArray();

        var renewed = RenewalDeciders.RenewNow(JointTender.Fold(history)!, 1, Cell, At(2027, 6, 1)).Events.ShouldHaveSingleItem().ShouldBeOfType<LotRenewed>();

        renewed.AmountExclVat.ShouldBe(100_000m);
        renewed.Shares.Select(s => s.AmountExclVat).ShouldBe([60_000m, 40_000m]);
    }

    /// <summary><paramref name="e"/> as the relay hands it on, after <paramref name="history"/> (which may already hold it).</summary>
    private static FinanceEvent EventOn(object[] history, object e)
    {
        var before = JointTender.Fold(history.TakeWhile(h => !ReferenceEquals(h, e)))!;
        return new FinanceEvent(before, JointTender.Transition(before, e)!, e, Guid.CreateVersion7(), "c", Now);
    }

    [Fact]
    public void Notice_not_to_renew_ends_the_contract_with_its_period_and_every_administration_hears_its_release_once()
    {
        var notice = RenewalDeciders.NotRenew(JointTender.Fold(Running)!, 1, " Te duur ", Cell, At(2027, 9, 1)).Events.ShouldHaveSingleItem()
            .ShouldBeOfType<LotNotRenewed>();
        notice.EndsOn.ShouldBe(new DateOnly(2027, 12, 31));
        notice.Reason.ShouldBe("Te duur");
        var history = Running.Append(notice).ToArray();
        RenewalDeciders.NotRenew(JointTender.Fold(history)!, 1, "Nog eens", Cell, At(2027, 9, 2)).Errors.ShouldHaveSingleItem().Code.ShouldBe("no-renewal-left");
        RenewalDeciders.NotRenew(JointTender.Fold(Running)!, 1, "", Cell, At(2027, 9, 1)).Errors.ShouldHaveSingleItem().Field.ShouldBe("reason");

        var releases = FinanceMessages.For(EventOn(history, notice));
        releases.OfType<ReservationReleased>().Select(r => (r.AdministrationCode, r.EffectiveOn)).ShouldBe(
            [("GEMEENTE", new DateOnly(2027, 12, 31)), ("OCMW", new DateOnly(2027, 12, 31))]);

        var (ended, events) = Advance(history, At(2028, 1, 2));
        events.ShouldHaveSingleItem().ShouldBeOfType<LotEnded>().Reason.ShouldBe(LotEndReason.NotRenewed);
        ended.Lots[1].Status.ShouldBe(LotStatus.Ended);
        // Released once, at the notice: the end releases nothing more.
        FinanceMessages.For(EventOn(history, events[0])).ShouldBeEmpty();
    }

    [Fact]
    public void The_purchasing_cell_can_renew_ahead_and_never_past_the_maximum()
    {
        var renewed = RenewalDeciders.RenewNow(JointTender.Fold(Running)!, 1, Cell, At(2027, 6, 1)).Events.ShouldHaveSingleItem().ShouldBeOfType<LotRenewed>();
        renewed.PeriodStart.ShouldBe(new DateOnly(2028, 1, 1));

        var (atMaximum, _) = Advance(Running, At(2030, 1, 2));
        RenewalDeciders.RenewNow(atMaximum, 1, Cell, At(2030, 1, 2)).Errors.ShouldHaveSingleItem().Code.ShouldBe("no-renewal-left");
    }

    [Fact]
    public void Finance_systems_hear_each_renewal_step_with_their_own_share_only()
    {
        var history = Running;
        var tender = JointTender.Fold(history)!;
        var (state, events) = Advance(history, At(2028, 1, 1));
        IReadOnlyList<FinanceMessage> MessagesOf(int index)
        {
            var before = events.Take(index).Aggregate(tender, (s, e) => JointTender.Transition(s, e)!);
            return FinanceMessages.For(new FinanceEvent(before, JointTender.Transition(before, events[index])!, events[index], Guid.CreateVersion7(), "c", Now));
        }

        var due = MessagesOf(0).Cast<RenewalDue>().ToArray();
        due.Select(d => (d.AdministrationCode, d.ExpectedShareExclVat, d.BudgetLine)).ShouldBe([("GEMEENTE", 600.01m, "0100/123-48"), ("OCMW", 400.00m, "0900/123-48")]);
        var renewed = MessagesOf(1).Cast<LotRenewedShare>().ToArray();
        renewed.Select(r => (r.AdministrationCode, r.ShareExclVat, r.PeriodStart)).ShouldBe(
            [("GEMEENTE", 600.01m, new DateOnly(2028, 1, 1)), ("OCMW", 400.00m, new DateOnly(2028, 1, 1))]);
        renewed.ShouldAllBe(r => r.BusinessKey.EndsWith($"/1/{r.AdministrationCode}"));
        state.Lots[1].Running!.PeriodEnd.ShouldBe(new DateOnly(2028, 12, 31));

        // The message says what the event recorded, whatever the rules would work out today.
        var recorded = (RenewalBecameDue)events[0];
        var asRecorded = recorded with { ExpectedShares = [.. recorded.ExpectedShares!.Select(s => s with { AmountExclVat = s.AmountExclVat + 0.01m })] };
        var fromRecord = FinanceMessages.For(new FinanceEvent(tender, JointTender.Transition(tender, asRecorded)!, asRecorded, Guid.CreateVersion7(), "c", Now))
            .Cast<RenewalDue>().Select(d => d.ExpectedShareExclVat).ToArray();
        fromRecord.ShouldBe([600.02m, 400.01m]);

        var declined = new RenewalDeclined(TenderId, 1, 1, "OCMW", Cell, At(2027, 9, 1));
        var release = FinanceMessages.For(new FinanceEvent(tender, tender.Apply(declined), declined, Guid.CreateVersion7(), "c", Now))
            .ShouldHaveSingleItem().ShouldBeOfType<ReservationReleased>();
        release.ShouldSatisfyAllConditions(r => r.AdministrationCode.ShouldBe("OCMW"), r => r.Reason.ShouldBe(ReleaseReason.LotEnded),
            r => r.EffectiveOn.ShouldBe(new DateOnly(2027, 12, 31)), r => r.CommittedExclVat.ShouldBe(400.00m));
    }
}
