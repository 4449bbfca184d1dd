using Aankopen.Contracts.Api.V1;
using Aankopen.Domain.Tenders.PublishTender;

namespace Aankopen.Api.Tenders.PublishTender;

public static class PublishTenderEndpoint
{
    public static Task<IResult> Handle(Guid tenderId, PublishTenderRequest request, HttpContext http, TenderWrites writes, CancellationToken ct) =>
        writes.ExecuteAsync(http, tenderId, (tender, actor, now) => PublishTenderDecider.Decide(tender,
            new PublishTenderCommand(request.PublicationReference, request.PublishedOn, actor), now), ct);
}
