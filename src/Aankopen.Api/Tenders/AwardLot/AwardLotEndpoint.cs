using Aankopen.Contracts.Api.V1;
using Marten;

namespace Aankopen.Api.Tenders.AwardLot;

public static class AwardLotEndpoint
{
    public static Task<IResult> Handle(
        Guid tenderId, int lotNumber, AwardLotRequest request, HttpContext http, IDocumentSession session, TimeProvider clock,
        CancellationToken ct) =>
        TenderWrites.ExecuteAsync(http, session, tenderId, (tender, actor) => AwardLotDecider.Decide(tender,
            new AwardLotCommand(lotNumber, request.SupplierName, request.SupplierEnterpriseNumber, request.AwardedAmountExclVat,
                request.ContractStart, request.ContractEnd, actor),
            clock.GetUtcNow()), ct);
}
