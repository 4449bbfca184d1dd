using Aankopen.Contracts.Api.V1;
using Aankopen.Domain;
using Aankopen.Domain.Tenders.ChangeLot;
using Aankopen.Edge.Http;

namespace Aankopen.Api.Tenders.ChangeLot;

public static class ChangeLotEndpoint
{
    /// <summary>PUT: the body is the whole new lot; a lot number in it must be the one in the route.</summary>
    public static async Task<IResult> Handle(
        Guid tenderId, int lotNumber, LotRequest request, HttpContext http, TenderWrites writes, CancellationToken ct)
    {
        if (request.LotNumber is { } number && number != lotNumber)
            return Problems.From(http, [DomainError.Invalid("lot-number-mismatch", "lotNumber", number, lotNumber)]);
        return await writes.ExecuteAsync(http, tenderId, (tender, actor, now) =>
            ChangeLotDecider.Decide(tender, new ChangeLotCommand(lotNumber, request.ToDetails(), actor), now), ct);
    }
}
