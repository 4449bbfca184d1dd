using Aankopen.Domain.Tenders.OpenOptIn;
namespace Aankopen.Api.Tenders.OpenOptIn;

public static class OpenOptInEndpoint
{
    public static Task<IResult> Handle(Guid tenderId, HttpContext http, TenderWrites writes, CancellationToken ct) =>
        writes.ExecuteAsync(http, tenderId, (tender, actor, now) => OpenOptInDecider.Decide(tender, new OpenOptInCommand(actor), now), ct);
}
