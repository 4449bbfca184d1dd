using Aankopen.Contracts.Api.V1;
using Marten;

namespace Aankopen.Api.Tenders.OptInToLot;

public static class OptInEndpoint
{
    /// <summary>PUT: the administration's latest opt-in replaces its earlier one for the same lot.</summary>
    public static Task<IResult> Handle(
        Guid tenderId, int lotNumber, string administration, OptInRequest request, HttpContext http, IDocumentSession session,
        TimeProvider clock, CancellationToken ct) =>
        TenderWrites.ExecuteAsync(http, session, tenderId, (tender, actor) => OptInDecider.Decide(tender,
            new OptInCommand(lotNumber, administration, request.EstimatedAmountExclVat, request.BudgetLine, actor),
            clock.GetUtcNow()), ct);
}
