using Aankopen.Contracts.Api.V1;

namespace Aankopen.Api.Tenders.TerminateLot;

public static class TerminateLotEndpoint
{
    public static Task<IResult> Handle(
        Guid tenderId, int lotNumber, TerminateLotRequest request, HttpContext http, TenderWrites writes, CancellationToken ct) =>
        writes.ExecuteAsync(http, tenderId, (tender, actor, now) =>
            TerminateLotDecider.Decide(tender, new TerminateLotCommand(lotNumber, request.EffectiveOn, request.Reason, actor), now), ct);
}
