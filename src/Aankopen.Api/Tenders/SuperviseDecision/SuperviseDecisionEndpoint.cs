using Aankopen.Contracts.Api.V1;
using Aankopen.Domain;
using Aankopen.Domain.Tenders;
using Aankopen.Domain.Tenders.SuperviseDecision;
using Aankopen.Edge.Http;

namespace Aankopen.Api.Tenders.SuperviseDecision;

/// <summary>The administration records what the supervising authority did to one of its decisions.</summary>
public static class SuperviseDecisionEndpoint
{
    public static Task<IResult> Handle(
        Guid tenderId, string administration, int number, SuperviseDecisionRequest request, HttpContext http, TenderWrites writes, CancellationToken ct)
    {
        if (EnumNames.Parse<SupervisionAct>(request.Act) is not { } act)
            return Task.FromResult(Problems.From(http, [DomainError.Invalid("supervision-act-invalid", "act", InputChecks.Shorten(request.Act))]));
        return writes.ExecuteAsync(http, tenderId, (tender, actor, now) => SuperviseDecisionDecider.Decide(tender,
            new SuperviseDecisionCommand(administration, number, act, request.On, request.Reference, actor), now), ct);
    }
}
