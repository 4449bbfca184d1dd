using Aankopen.Contracts.Api.V1;
using Aankopen.Domain.Tenders.CancelTender;

namespace Aankopen.Api.Tenders.CancelTender;

public static class CancelTenderEndpoint
{
    public static Task<IResult> Handle(Guid tenderId, ReasonRequest request, HttpContext http, TenderWrites writes, CancellationToken ct) =>
        writes.ExecuteAsync(http, tenderId, (tender, actor, now) =>
            CancelTenderDecider.Decide(tender, new CancelTenderCommand(request.Reason, actor), now), ct);
}
