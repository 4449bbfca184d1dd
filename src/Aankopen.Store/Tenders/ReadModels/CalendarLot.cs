using System.Globalization;
using Aankopen.Domain.Tenders;

namespace Aankopen.Store.Tenders.ReadModels;

/// <summary>
/// One running lot as the renewal calendar shows it, kept in its <see cref="TenderRecord"/>: the calendar reads these
/// few fields of each tender instead of the whole folded tender (at 20 million events, one administration's half year
/// is about 400 tenders, and folding their lots' opt-ins, awards and shares back out of the JSON took most of 120 ms).
/// </summary>
/// <param name="NextRenewal">The number of the next renewal, or null when the contract ends with this period.</param>
/// <param name="NoticeDeadline">The last day to terminate or decline before it renews; null when it will not renew.</param>
public sealed record CalendarLot(
    int LotNumber,
    string Title,
    string SupplierName,
    int Renewals,
    int? NextRenewal,
    DateOnly PeriodEnd,
    DateOnly? NoticeDeadline,
    string[] Administrations,
    string[] Declined,
    Consumption[]? Consumption = null)
{
    public DateOnly FirstDate => NoticeDeadline ?? PeriodEnd;

    /// <summary>Whether its notice deadline or its period end falls in the window, both ends included.</summary>
    public bool FallsIn(DateOnly start, DateOnly end) =>
        (NoticeDeadline is { } d && d >= start && d <= end) || (PeriodEnd >= start && PeriodEnd <= end);

    public static CalendarLot[] Of(JointTender t) => [.. t.Lots.Values
        .Where(l => l.Status == LotStatus.Awarded && l.Running is not null)
        .Select(l => From(l, l.Running!))];

    private static CalendarLot From(Lot l, RunningContract running)
    {
        DateOnly? deadline = running.CanRenew ? Aankopen.Domain.Tenders.ContractPeriods.NoticeDeadline(running.PeriodEnd, l.Terms.NoticeDays) : null;
        return new CalendarLot(l.Number, l.Title, l.Award!.SupplierName, running.Renewals, running.CanRenew ? running.Next : null,
            running.PeriodEnd, deadline, [.. running.Shares.Select(s => s.Administration)], [.. running.Declined],
            l.IsFramework ? [.. Aankopen.Domain.Tenders.Consumption.Of(l)] : null);
    }

    /// <summary>
    /// The months of its dates, alone ("2027-03", for the whole calendar) and for each administration sharing it
    /// ("G0001-OCMW/2027-03"): indexed, so a window finds the tenders with a date in it, and only those.
    /// </summary>
    public IEnumerable<string> MonthKeys() => new[] { NoticeDeadline, PeriodEnd }.OfType<DateOnly>().Select(Month).Distinct()
        .SelectMany(month => Administrations.Select(a => $"{a}/{month}").Prepend(month));

    /// <summary>The keys of every month the window touches, for one administration or for all.</summary>
    public static string[] WindowKeys(DateOnly start, DateOnly end, string? administration)
    {
        var keys = new List<string>();
        for (var month = new DateOnly(start.Year, start.Month, 1); month <= end; month = month.AddMonths(1))
            keys.Add(administration is null ? Month(month) : $"{administration}/{Month(month)}");
        return [.. keys];
    }

    private static string Month(DateOnly day) => day.ToString("yyyy-MM", CultureInfo.InvariantCulture);
}
