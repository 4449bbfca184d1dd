namespace Aankopen.Domain;

/// <summary>
/// The calendar the law and the administrations count in: the date in Brussels, not in UTC. An award recorded at
/// 00:30 on the first of January in Brussels is that year's, although UTC still says 31 December.
/// </summary>
public static class BrusselsCalendar
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Brussels");

    public static DateOnly DateOf(DateTimeOffset moment) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(moment, Zone).DateTime);

    public static DateOnly Today(TimeProvider clock) => DateOf(clock.GetUtcNow());
}
