using Aankopen.Contracts.Api.V1;
using Aankopen.Domain;
using Aankopen.Domain.Tenders;
using Aankopen.Domain.Tenders.RecordDecision;
using Aankopen.Edge.Http;
using Aankopen.Store.Administrations;
using Marten;

namespace Aankopen.Api.Tenders.RecordDecision;

public static class RecordDecisionEndpoint
{
    public static async Task<IResult> Handle(
        Guid tenderId, string administration, RecordDecisionRequest request, HttpContext http, TenderWrites writes, IQuerySession session,
        CancellationToken ct)
    {
        var kind = EnumNames.Parse<DecisionKind>(request.Kind);
        var body = EnumNames.Parse<DecidingBody>(request.Body);
        var errors = new List<DomainError>();
        if (kind is null)
            errors.Add(DomainError.Invalid("decision-kind-invalid", "kind", InputChecks.Shorten(request.Kind)));
        if (body is null)
            errors.Add(DomainError.Invalid("decision-body-invalid", "body", InputChecks.Shorten(request.Body)));
        if (errors.Count > 0)
            return Problems.From(http, errors);
        if ((await session.LoadAdministrationsAsync(ct)).Find(administration) is not { } deciding)
            return Problems.AdministrationNotFound(http, administration);

        return await writes.ExecuteAsync(http, tenderId, (tender, actor, now) => RecordDecisionDecider.Decide(tender,
            new RecordDecisionCommand(deciding, kind!.Value, request.LotNumber, request.Renewal, body!.Value, request.BodyName, request.DecidedOn,
                request.Reference, actor), now), ct);
    }
}
