namespace Aankopen.Domain.Tenders;

/// <summary>
/// How a lot's contract runs: an initial period, then optionally tacit renewals of <see cref="RenewalMonths"/> each,
/// at most <see cref="MaxRenewals"/> times, unless terminated <see cref="NoticeDays"/> before a period ends.
/// </summary>
/// <param name="Start">Expected start; the award fixes the real one.</param>
/// <param name="LongerDurationJustification">Why a framework agreement may run longer than four years, when it does.</param>
public sealed record ContractTerms(
    DateOnly? Start,
    int InitialMonths,
    bool Renewable,
    int RenewalMonths,
    int MaxRenewals,
    int NoticeDays,
    string? LongerDurationJustification = null)
{
    /// <summary>Framework agreements run at most four years, renewals included, unless justified.</summary>
    public const int MaxTotalMonthsWithoutJustification = 48;

    /// <summary>
    /// The last day a framework agreement concluded on <paramref name="concluded"/> may run, renewals included, unless
    /// justified: four years from its conclusion (law of 17 June 2016, art. 43 §3; for a repeat clause, art. 57).
    /// </summary>
    public static DateOnly LatestEnd(DateOnly concluded) => concluded.AddMonths(MaxTotalMonthsWithoutJustification).AddDays(-1);

    public int TotalMonths => InitialMonths + (Renewable ? RenewalMonths * MaxRenewals : 0);

    /// <summary>
    /// A lot's estimate (for its initial period) over the whole possible duration, every renewal included, as art. 7 of
    /// the royal decree of 18 April 2017 on placement counts it against the thresholds.
    /// </summary>
    public decimal OverFullDuration(decimal estimateForInitialPeriod) =>
        InitialMonths <= 0 ? estimateForInitialPeriod : Aankopen.Domain.Money.ToCents(estimateForInitialPeriod * TotalMonths / InitialMonths);
}
