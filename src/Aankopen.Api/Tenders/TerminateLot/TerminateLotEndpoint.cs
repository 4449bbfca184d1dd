using Aankopen.Contracts.Api.V1;
using Aankopen.Domain;
using Aankopen.Domain.Tenders;
using Aankopen.Domain.Tenders.TerminateLot;
using Aankopen.Edge.Http;

namespace Aankopen.Api.Tenders.TerminateLot;

public static class TerminateLotEndpoint
{
    public static Task<IResult> Handle(
        Guid tenderId, int lotNumber, TerminateLotRequest request, HttpContext http, TenderWrites writes, CancellationToken ct)
    {
        var ground = EnumNames.Parse<TerminationGround>(request.Ground);
        if (request.Ground is not null && ground is null)
            return Task.FromResult(Problems.From(http, [DomainError.Invalid("ground-invalid", "ground", InputChecks.Shorten(request.Ground))]));
        return writes.ExecuteAsync(http, tenderId, (tender, actor, now) =>
            TerminateLotDecider.Decide(tender, new TerminateLotCommand(lotNumber, request.EffectiveOn, request.Reason, actor, ground), now), ct);
    }
}
