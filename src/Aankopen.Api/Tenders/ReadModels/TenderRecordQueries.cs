using Marten.Linq.MatchesSql;

namespace Aankopen.Api.Tenders.ReadModels;

public static class TenderRecordQueries
{
    /// <summary>
    /// Tenders an administration is invited to, through the GIN index on the administrations column
    /// (<see cref="TenderRecordColumns"/>). Marten's own translation of <c>Administrations.Contains</c> tests the whole
    /// document, which no index serves, so one administration's list or calendar would read every tender of the year or window.
    /// </summary>
    public static IQueryable<TenderRecord> Involving(this IQueryable<TenderRecord> tenders, string administration) =>
        tenders.Where(t => t.MatchesSql($"d.{TenderRecordColumns.Administrations} @> ARRAY[?]::text[]", administration));
}
