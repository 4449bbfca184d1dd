using Aankopen.Contracts.Api.V1;
using Aankopen.Domain;
using Aankopen.Edge.Http;
using Aankopen.Store.Administrations;
using Aankopen.Store.Tenders.ReadModels;
using Marten;
using Marten.Linq.MatchesSql;

namespace Aankopen.Api.Tenders.AdministrationYear;

public static class AdministrationYearEndpoint
{
    /// <summary>
    /// The tenders an administration was invited to that opened in a year, and those in which it was awarded a share
    /// that year, from the asynchronously kept participations: a write shows up here within about a second. The
    /// estimated total counts the tenders opened that year; the awarded totals count the shares awarded that year.
    /// </summary>
    public static async Task<IResult> Handle(
        string code, int? year, HttpContext http, IQuerySession session, TimeProvider clock, OrderWarning warning, CancellationToken ct)
    {
        if (await session.LoadAsync<AdministrationRecord>(code, ct) is null)
            return Problems.AdministrationNotFound(http, code);
        var y = year ?? clock.GetUtcNow().Year;
        if (InputChecks.YearOutOfRange(y) is { } badYear)
            return Problems.From(http, [badYear]);

        var participations = await OfYearAsync(session, y, code, ct);
        var views = participations.Select(p => new ParticipationView(p.TenderId, p.Reference, p.TitleNl, p.TitleFr, p.TenderStatus.ToString(),
            p.Lots.Values.Select(l => new ParticipationLotView(l.LotNumber, l.Status.ToString(), l.EstimatedAmountExclVat, l.EstimatedQuantity,
                l.BudgetLine, l.SupplierName, l.ShareExclVat, l.ShareInclVat, l.AwardedOn,
                l.Consumption(code) is { } used ? warning.ToView(used) : null)).ToArray())).ToArray();
        var estimated = participations.Where(p => p.Year == y).SelectMany(p => p.Lots.Values)
            .Where(l => l.Status is not (ParticipationStatus.Withdrawn or ParticipationStatus.Dropped));
        var awarded = participations.SelectMany(p => p.Lots.Values).Where(l => l.AwardedOn?.Year == y).ToArray();
        return TypedResults.Ok(new AdministrationYearView(code, y, views,
            estimated.Sum(l => l.EstimatedAmountExclVat ?? 0m), awarded.Sum(l => l.ShareExclVat ?? 0m), awarded.Sum(l => l.ShareInclVat ?? 0m)));
    }

    /// <summary>Participations in tenders opened in <paramref name="year"/> or with a share awarded in it; of one administration, or all.</summary>
    public static async Task<IReadOnlyList<Participation>> OfYearAsync(IQuerySession session, int year, string? administration, CancellationToken ct)
    {
        var ofYear = administration is null
            ? session.Query<Participation>().Where(p => p.Year == year || p.AwardYears.Contains(year))
            : session.Query<Participation>().Where(p => p.MatchesSql($"d.{Participation.YearKeysColumn} @> ARRAY[?]::text[]", Participation.YearKey(administration, year)));
        return await ofYear.OrderBy(p => p.Reference).ThenBy(p => p.Administration).ToListAsync(ct);
    }
}
