namespace Aankopen.Domain.Tenders;

/// <summary>
/// The calendar of a running framework contract, from its award and terms: each renewal period starts the day after
/// the previous one ends and lasts the renewal period in months; the notice deadline is the notice period before a
/// period ends. Months are always counted from the day after the initial period (the anchor), never from the previous
/// renewal, so a contract anchored on the 31st does not drift to the 28th after one February.
/// </summary>
public static class ContractPeriods
{
    /// <summary>Start and end of renewal <paramref name="renewal"/> (1 for the first), after an initial period ending on <paramref name="initialEnd"/>.</summary>
    public static (DateOnly Start, DateOnly End) Period(DateOnly initialEnd, int renewalMonths, int renewal)
    {
        var anchor = initialEnd.AddDays(1);
        return (anchor.AddMonths((renewal - 1) * renewalMonths), anchor.AddMonths(renewal * renewalMonths).AddDays(-1));
    }

    /// <summary>
    /// How many renewals this contract can have: none when it does not renew; otherwise the maximum of its terms,
    /// and never one that would run past four years from the contract's conclusion (its start, for an award recorded
    /// without a conclusion date) unless the terms justify it.
    /// </summary>
    public static int PossibleRenewals(DateOnly concluded, DateOnly initialEnd, ContractTerms terms)
    {
        if (!terms.Renewable || terms.RenewalMonths < 1)
            return 0;
        if (terms.LongerDurationJustification is not null)
            return terms.MaxRenewals;
        var limit = ContractTerms.LatestEnd(concluded);
        var possible = 0;
        while (possible < terms.MaxRenewals && Period(initialEnd, terms.RenewalMonths, possible + 1).End <= limit)
            possible++;
        return possible;
    }

    /// <summary>
    /// How many months a period from <paramref name="start"/> to <paramref name="end"/> (both included) lasts: the whole
    /// months, and the days left over as a fraction of the month they fall in (1 January to 31 December is 12; 15
    /// January to 14 July of the next year is 18).
    /// </summary>
    public static decimal Months(DateOnly start, DateOnly end)
    {
        var after = end.AddDays(1);
        var whole = (after.Year - start.Year) * 12 + after.Month - start.Month;
        while (whole > 0 && start.AddMonths(whole) > after)
            whole--;
        var rest = after.DayNumber - start.AddMonths(whole).DayNumber;
        var from = start.AddMonths(whole);
        return whole + (decimal)rest / DateTime.DaysInMonth(from.Year, from.Month);
    }

    /// <summary>The last day on which the contract can still be terminated (or a renewal declined) before it renews.</summary>
    public static DateOnly NoticeDeadline(DateOnly periodEnd, int noticeDays) => periodEnd.AddDays(-noticeDays);
}
