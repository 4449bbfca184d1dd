using Aankopen.Contracts.Api.V1;
using Aankopen.Domain;
using Aankopen.Domain.Tenders;
using Aankopen.Edge.Http;
using Aankopen.Edge.Security;
using Aankopen.Store.Tenders.ReadModels;
using Marten;

namespace Aankopen.Api.Tenders.ListTenders;

/// <summary>Filters of the tender list; every one is optional and they combine with AND.</summary>
public sealed record TenderListQuery(
    string? Status, int? Year, string? Administration, int? CpvDivision, string? Q, int? Page, int? PageSize);

public static class ListTendersEndpoint
{
    public const int MaxPageSize = 200;

    public static async Task<IResult> Handle([AsParameters] TenderListQuery query, HttpContext http, IQuerySession session, CancellationToken ct)
    {
        var errors = Check(query, out var status);
        if (errors.Count > 0)
            return Problems.From(http, errors);

        var page = query.Page ?? 1;
        var pageSize = query.PageSize ?? 50;
        IQueryable<TenderRecord> tenders = session.Query<TenderRecord>();
        // The same tenders as a tender's page shows the caller: those of its administrations, unless it sees all.
        var scope = http.ScopeOf();
        if (!scope.SeesAll)
            tenders = tenders.InvolvingAny([.. scope.Administrations]);
        if (status is { } s)
            tenders = tenders.Where(t => t.Status == s);
        var administration = string.IsNullOrWhiteSpace(query.Administration) ? null : query.Administration;
        tenders = (query.Year, administration) switch
        {
            ({ } year, { } a) => tenders.InvolvingIn(a, year),
            ({ } year, null) => tenders.Where(t => t.Year == year),
            (null, { } a) => tenders.Involving(a),
            _ => tenders,
        };
        if (query.CpvDivision is { } division)
            tenders = tenders.Where(t => t.CpvDivision == division);
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var text = query.Q.Trim().ToLowerInvariant();
            tenders = tenders.Where(t => t.SearchText.Contains(text));
        }
        var items = await tenders.OrderByDescending(t => t.OpenedAt).ThenBy(t => t.Reference)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        // Counted on its own rather than with the page (Marten's Stats, a window over the query): the window made
        // PostgreSQL read every matching document before it could keep the page's fifty. A first page that is not
        // full is the whole count.
        var total = page == 1 && items.Count < pageSize ? items.Count : await tenders.CountAsync(ct);
        return TypedResults.Ok(new PageView<TenderSummaryView>(items.Select(t => t.ToSummary()).ToArray(), total, page, pageSize));
    }

    private static List<DomainError> Check(TenderListQuery query, out TenderStatus? status)
    {
        var errors = new List<DomainError>();
        status = null;
        if (query.Status is not null)
        {
            status = EnumNames.Parse<TenderStatus>(query.Status);
            if (status is null)
                errors.Add(DomainError.Invalid("status-invalid", "status", InputChecks.Shorten(query.Status), string.Join(", ", Enum.GetNames<TenderStatus>())));
        }
        if (InputChecks.YearOutOfRange(query.Year) is { } badYear)
            errors.Add(badYear);
        if (query.CpvDivision is < 1 or > 99)
            errors.Add(DomainError.Invalid("cpv-division-invalid/number", "cpvDivision"));
        if (query.Q is { Length: > 200 })
            errors.Add(DomainError.Invalid("too-long/search", "q"));
        if (query.Administration is { Length: > 20 })
            errors.Add(DomainError.Invalid("too-long/administration", "administration"));
        if (query.Page is < 1 or > 100_000)
            errors.Add(DomainError.Invalid("page-invalid", "page"));
        if (query.PageSize is < 1 or > MaxPageSize)
            errors.Add(DomainError.Invalid("page-size-invalid", "pageSize", MaxPageSize));
        return errors;
    }
}
