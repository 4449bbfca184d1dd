using Marten.Linq.MatchesSql;

namespace Aankopen.Store.Tenders.ReadModels;

public static class TenderRecordQueries
{
    /// <summary>
    /// Tenders an administration is invited to, through the GIN index on the administrations column
    /// (<see cref="TenderRecordColumns"/>). Marten's own translation of <c>Administrations.Contains</c> tests the whole
    /// document, which no index serves, so one administration's list or calendar would read every tender of the year or window.
    /// </summary>
    public static IQueryable<TenderRecord> Involving(this IQueryable<TenderRecord> tenders, string administration) =>
        tenders.Where(t => t.MatchesSql($"d.{TenderRecordColumns.Administrations} @> ARRAY[?]::text[]", administration));

    /// <summary>Tenders that invite any of these administrations (the lead is always one of the invited).</summary>
    public static IQueryable<TenderRecord> InvolvingAny(this IQueryable<TenderRecord> tenders, string[] administrations) =>
        tenders.Where(t => t.MatchesSql($"d.{TenderRecordColumns.Administrations} && ?", new object[] { administrations }));

    /// <summary>Tenders of <paramref name="year"/> an administration is invited to, through <see cref="TenderRecord.YearKeys"/>.</summary>
    public static IQueryable<TenderRecord> InvolvingIn(this IQueryable<TenderRecord> tenders, string administration, int year) =>
        tenders.Where(t => t.MatchesSql($"d.{TenderRecordColumns.YearKeys} @> ARRAY[?]::text[]", Participation.YearKey(administration, year)));

    /// <summary>Tenders with a running lot whose notice deadline or period end falls in one of these months (<see cref="CalendarLot.WindowKeys"/>).</summary>
    public static IQueryable<TenderRecord> DueIn(this IQueryable<TenderRecord> tenders, string[] monthKeys) =>
        // The array as one parameter: passed alone, a string[] would be taken for MatchesSql's params array itself.
        tenders.Where(t => t.MatchesSql($"d.{TenderRecordColumns.RenewalKeys} && ?", new object[] { monthKeys }));
}
