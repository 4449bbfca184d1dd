using Aankopen.Domain.Tenders.CloseOptIn;
namespace Aankopen.Api.Tenders.CloseOptIn;

public static class CloseOptInEndpoint
{
    public static Task<IResult> Handle(Guid tenderId, HttpContext http, TenderWrites writes, CancellationToken ct) =>
        writes.ExecuteAsync(http, tenderId, (tender, actor, now) => CloseOptInDecider.Decide(tender, new CloseOptInCommand(actor), now), ct);
}
