using Aankopen.Contracts.Api.V1;
using Aankopen.Domain.Tenders.OptInToLot;

namespace Aankopen.Api.Tenders.OptInToLot;

public static class OptInToLotEndpoint
{
    /// <summary>PUT: the administration's latest opt-in replaces its earlier one for the same lot.</summary>
    public static Task<IResult> Handle(
        Guid tenderId, int lotNumber, string administration, OptInRequest request, HttpContext http, TenderWrites writes,
        CancellationToken ct) =>
        writes.ExecuteAsync(http, tenderId, (tender, actor, now) => OptInDecider.Decide(tender,
            new OptInCommand(lotNumber, administration, request.EstimatedAmountExclVat, request.EstimatedQuantity, request.BudgetLine, actor),
            now), ct);
}
