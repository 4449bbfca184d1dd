using Aankopen.Contracts.Api.V1;
using Aankopen.Domain.Tenders.DeclareLotNotAwarded;

namespace Aankopen.Api.Tenders.DeclareLotNotAwarded;

public static class DeclareLotNotAwardedEndpoint
{
    public static Task<IResult> Handle(
        Guid tenderId, int lotNumber, ReasonRequest request, HttpContext http, TenderWrites writes, CancellationToken ct) =>
        writes.ExecuteAsync(http, tenderId, (tender, actor, now) =>
            DeclareLotNotAwardedDecider.Decide(tender, new DeclareLotNotAwardedCommand(lotNumber, request.Reason, actor), now), ct);
}
