using Aankopen.Api.Administrations;
using Aankopen.Api.Shared;
using Aankopen.Api.Shared.Http;
using Aankopen.Api.Tenders.ReadModels;
using Aankopen.Contracts.Api.V1;
using Marten;

namespace Aankopen.Api.Tenders.AdministrationYear;

public static class AdministrationYearEndpoint
{
    /// <summary>
    /// The tenders an administration was invited to in a year (by opening date), and the shares it was awarded in
    /// that year, from the asynchronously kept participations: a write shows up here within about a second.
    /// </summary>
    public static async Task<IResult> Handle(string code, int? year, HttpContext http, IQuerySession session, TimeProvider clock, CancellationToken ct)
    {
        if (await session.LoadAsync<AdministrationRecord>(code, ct) is null)
            return AdministrationEndpoints.NotFound(http, code);
        var y = year ?? clock.GetUtcNow().Year;
        if (TenderRules.YearOutOfRange(y) is { } badYear)
            return Problems.From(http, [badYear]);

        var participations = await session.Query<Participation>()
            .Where(p => p.Administration == code && p.Year == y)
            .OrderBy(p => p.Reference).ToListAsync(ct);
        var views = participations.Select(p => new ParticipationView(p.TenderId, p.Reference, p.TitleNl, p.TitleFr, p.TenderStatus.ToString(),
            p.Lots.Values.Select(l => new ParticipationLotView(l.LotNumber, l.Status.ToString(), l.EstimatedAmountExclVat, l.EstimatedQuantity,
                l.BudgetLine, l.SupplierName, l.ShareExclVat, l.ShareInclVat, l.AwardedOn)).ToArray())).ToArray();
        var live = participations.SelectMany(p => p.Lots.Values).Where(l => l.Status is not (ParticipationStatus.Withdrawn or ParticipationStatus.Dropped)).ToArray();
        return TypedResults.Ok(new AdministrationYearView(code, y, views,
            live.Sum(l => l.EstimatedAmountExclVat ?? 0m), live.Sum(l => l.ShareExclVat ?? 0m), live.Sum(l => l.ShareInclVat ?? 0m)));
    }
}
