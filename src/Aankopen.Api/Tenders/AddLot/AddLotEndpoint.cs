using Aankopen.Contracts.Api.V1;
using Marten;

namespace Aankopen.Api.Tenders.AddLot;

public static class AddLotEndpoint
{
    public static Task<IResult> Handle(
        Guid tenderId, AddLotRequest request, HttpContext http, IDocumentSession session, TimeProvider clock, CancellationToken ct) =>
        TenderWrites.ExecuteAsync(http, session, tenderId, (tender, actor) => AddLotDecider.Decide(tender,
            new AddLotCommand(request.LotNumber, request.Title, request.Cpv, request.EstimatedValueExclVat, request.VatRate, actor),
            clock.GetUtcNow()), ct);
}
