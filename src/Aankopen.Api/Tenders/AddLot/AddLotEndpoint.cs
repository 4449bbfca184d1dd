using Aankopen.Contracts.Api.V1;
using Aankopen.Domain.Tenders.AddLot;

namespace Aankopen.Api.Tenders.AddLot;

public static class AddLotEndpoint
{
    public static Task<IResult> Handle(Guid tenderId, LotRequest request, HttpContext http, TenderWrites writes, CancellationToken ct) =>
        writes.ExecuteAsync(http, tenderId, (tender, actor, now) =>
            AddLotDecider.Decide(tender, new AddLotCommand(request.LotNumber, request.ToDetails(), actor), now), ct);
}
