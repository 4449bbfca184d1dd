using Marten;
using Weasel.Postgresql.Tables;

namespace Aankopen.Store.Tenders.ReadModels;

/// <summary>
/// The list's filters and its order, each a column of its own next to the document (PostgreSQL combines their
/// indexes, so a filtered page reads few documents). Columns rather than indexes on the document's JSON: most writes
/// (opt-ins, their changes, awards) change the document but none of these, and a row whose indexed columns stay the
/// same is updated in place (a HOT update) without touching any index, where an index on the JSON is written anew on
/// every change of the document.
/// </summary>
public static class TenderRecordColumns
{
    public const string Administrations = "administrations";
    public const string YearKeys = "year_keys";
    public const string RenewalKeys = "renewal_keys";

    public static void Configure(StoreOptions options) => options.Schema.For<TenderRecord>()
        // An update is only made in place when the row's page has room for its new version. Full pages (the default,
        // 100) sent a quarter of the opt-ins' updates to another page, writing all eleven indexes anew: 76 % in place
        // under the benchmark's opt-ins, 95 % with a fifth of each page kept free (docs/performance.md). Applies to
        // pages written from the migration on.
        .FillFactor(80)
        // A reference names one tender within a municipality's tenant.
        .Duplicate(t => t.Reference, configure: i =>
        {
            i.IsUnique = true;
            i.TenancyScope = Marten.Schema.Indexing.Unique.TenancyScope.PerTenant;
        })
        .Duplicate(t => t.Year)
        .Duplicate(t => t.Status)
        .Duplicate(t => t.CpvDivision)
        .Duplicate(t => t.OpenedAt)
        .Duplicate(t => t.NextRenewalCheck)
        // text[], so that "invited administrations contain X" is array containment through this GIN index (see
        // TenderRecordQueries.Involving).
        .Duplicate(t => t.Administrations, pgType: "text[]", configure: i => i.Method = IndexMethod.gin)
        // Both change only when a tender's administrations or running lots do, so opt-ins still update in place.
        .Duplicate(t => t.YearKeys, pgType: "text[]", configure: i => i.Method = IndexMethod.gin)
        .Duplicate(t => t.RenewalKeys, pgType: "text[]", configure: i => i.Method = IndexMethod.gin)
        // The list's most common combination, and its order: a year's tenders of one CPV division and status are one
        // range of this index, newest first, so a page reads its own rows only and the total counts index entries.
        // With the single-column indexes alone, at 20 million events PostgreSQL walked the opening-date index from
        // the newest tender back to the year asked for (it cannot know that a year's tenders are opened in that year),
        // 3 s a page.
        // The tenant last, so that counting needs no row: an index-only scan where the table is vacuumed.
        .Index([t => t.Year, t => t.CpvDivision, t => t.Status, t => t.OpenedAt], i => i.TenancyScope = Marten.Schema.Indexing.Unique.TenancyScope.PerTenant);
}
