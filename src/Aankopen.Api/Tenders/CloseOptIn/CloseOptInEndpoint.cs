using Marten;

namespace Aankopen.Api.Tenders.CloseOptIn;

public static class CloseOptInEndpoint
{
    public static Task<IResult> Handle(Guid tenderId, HttpContext http, IDocumentSession session, TimeProvider clock, CancellationToken ct) =>
        TenderWrites.ExecuteAsync(http, session, tenderId,
            (tender, actor) => CloseOptInDecider.Decide(tender, new CloseOptInCommand(actor), clock.GetUtcNow()), ct);
}
