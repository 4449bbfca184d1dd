using Aankopen.Domain.Tenders.RemoveLot;
namespace Aankopen.Api.Tenders.RemoveLot;

public static class RemoveLotEndpoint
{
    public static Task<IResult> Handle(Guid tenderId, int lotNumber, HttpContext http, TenderWrites writes, CancellationToken ct) =>
        writes.ExecuteAsync(http, tenderId, (tender, actor, now) =>
            RemoveLotDecider.Decide(tender, new RemoveLotCommand(lotNumber, actor), now), ct);
}
