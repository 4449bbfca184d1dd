using Aankopen.Domain.Tenders;
namespace Aankopen.Store.Tenders.ReadModels;

/// <summary>
/// A tender as stored for reading: its folded state at <see cref="Version"/>, plus the columns the list filters on.
/// Written inline, in the same transaction as the events, so a client always reads its own writes.
/// </summary>
public sealed record TenderRecord(
    Guid Id,
    long Version,
    JointTender State,
    string Reference,
    TenderStatus Status,
    int Year,
    int CpvDivision,
    string[] Administrations,
    string SearchText,
    DateTimeOffset OpenedAt,
    DateTimeOffset OptInDeadline,
    decimal EstimatedTotalExclVat,
    decimal AwardedTotalExclVat,
    DateOnly? NextRenewalCheck = null) : Streams.IStreamRecord<JointTender>
{
    public static TenderRecord From(JointTender t, long version) => new(
        t.Id, version, t, t.Reference, t.Status, Aankopen.Domain.BrusselsCalendar.DateOf(t.OpenedAt).Year, int.Parse(t.MainCpv[..2], System.Globalization.CultureInfo.InvariantCulture), [.. t.InvitedAdministrations],
        SearchableText(t), t.OpenedAt, t.OptInDeadline,
        t.LiveLots.Sum(l => l.EstimatedValueExclVat),
        t.Lots.Values.Sum(l => l.Award?.AmountExclVat ?? 0m),
        NextRenewalDate(t));

    /// <summary>"{administration}/{year}" for every invited administration: one administration's tenders of a year are
    /// one lookup in this column's index, where the administrations' and the year's indexes had to be combined (at 20
    /// million events, 1,500 tenders of the administration against the year's 93,000).</summary>
    public string[] YearKeys => [.. Administrations.Select(a => Participation.YearKey(a, Year))];

    /// <summary>The running lots, as the renewal calendar reads them (see <see cref="CalendarLot"/>).</summary>
    public CalendarLot[] CalendarLots => CalendarLot.Of(State);

    /// <summary>The months of the running lots' dates, overall and per administration (<see cref="CalendarLot.MonthKeys"/>).</summary>
    public string[] RenewalKeys => [.. CalendarLots.SelectMany(l => l.MonthKeys()).Distinct().Order(StringComparer.Ordinal)];

    /// <summary>
    /// The first day on which a running lot needs the renewal scheduler (its notice deadline, or the day after its
    /// period ends), so the scheduler and the calendar query one indexed column instead of every tender.
    /// </summary>
    public static DateOnly? NextRenewalDate(JointTender t) => t.Lots.Values
        .Where(l => l.Status == LotStatus.Awarded && l.Running is not null)
        .Select(l => (DateOnly?)(l.Running!.CanRenew && l.Running.DueFor < l.Running.Next
            ? Aankopen.Domain.Tenders.ContractPeriods.NoticeDeadline(l.Running.PeriodEnd, l.Terms.NoticeDays)
            : l.Running.PeriodEnd.AddDays(1)))
        .Min();

    /// <summary>Reference and both titles, lower case, so a search needs one case-insensitive LIKE.</summary>
    public static string SearchableText(JointTender t) => $"{t.Reference} {t.TitleNl} {t.TitleFr}".ToLowerInvariant();
}
