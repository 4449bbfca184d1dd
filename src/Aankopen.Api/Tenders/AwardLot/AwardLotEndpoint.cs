using Aankopen.Contracts.Api.V1;
using Aankopen.Domain.Tenders;
using Aankopen.Domain.Tenders.AwardLot;
using Aankopen.Store.Administrations;
using Marten;

namespace Aankopen.Api.Tenders.AwardLot;

public static class AwardLotEndpoint
{
    public static async Task<IResult> Handle(
        Guid tenderId, int lotNumber, AwardLotRequest request, HttpContext http, TenderWrites writes, IQuerySession session, CancellationToken ct)
    {
        var agreement = request.Agreement is null ? AgreementKind.Fixed : Aankopen.Domain.EnumNames.Parse<AgreementKind>(request.Agreement);
        if (agreement is null)
            return Aankopen.Edge.Http.Problems.From(http, [Aankopen.Domain.DomainError.Invalid("agreement-invalid", "agreement", Aankopen.Domain.InputChecks.Shorten(request.Agreement))]);
        var administrations = (await session.LoadAdministrationsAsync(ct)).All;
        return await writes.ExecuteAsync(http, tenderId, (tender, actor, now) => AwardLotDecider.Decide(tender,
            new AwardLotCommand(lotNumber, request.SupplierName, request.SupplierId, request.AwardedAmountExclVat,
                request.ContractStart, request.ContractEnd,
                request.ExplicitShares?.Select(s => new ExplicitShare(s?.Administration ?? "", s?.AmountExclVat ?? 0m)).ToArray(), actor,
                request.PeriodDifferenceReason, request.DecidedOn, request.ConcludedOn, agreement.Value),
            now, administrations), ct);
    }
}
