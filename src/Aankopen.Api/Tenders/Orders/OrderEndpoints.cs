using Aankopen.Contracts.Api.V1;
using Aankopen.Domain.Tenders.PlaceOrder;
using Aankopen.Domain.Tenders.RaiseShare;
using Aankopen.Edge.Http;
using Aankopen.Store.Administrations;
using Marten;

namespace Aankopen.Api.Tenders.Orders;

public static class OrderEndpoints
{
    public static async Task<IResult> Place(
        Guid tenderId, int lotNumber, string administration, PlaceOrderRequest request, HttpContext http, TenderWrites writes, IQuerySession session,
        CancellationToken ct)
    {
        if ((await session.LoadAdministrationsAsync(ct)).Find(administration) is not { } ordering)
            return Problems.AdministrationNotFound(http, administration);
        return await writes.ExecuteAsync(http, tenderId, (tender, actor, now) => PlaceOrderDecider.Decide(tender,
            new PlaceOrderCommand(ordering, lotNumber, request.OrderedOn, request.Reference, request.AmountExclVat, request.AmountInclVat,
                request.BudgetLine, actor), now), ct);
    }

    public static async Task<IResult> Raise(
        Guid tenderId, int lotNumber, string administration, RaiseShareRequest request, HttpContext http, TenderWrites writes, IQuerySession session,
        CancellationToken ct)
    {
        if ((await session.LoadAdministrationsAsync(ct)).Find(administration) is not { } raised)
            return Problems.AdministrationNotFound(http, administration);
        return await writes.ExecuteAsync(http, tenderId, (tender, actor, now) => RaiseShareDecider.Decide(tender,
            new RaiseShareCommand(raised, lotNumber, request.AmountExclVat, request.Reason, actor), now), ct);
    }
}
