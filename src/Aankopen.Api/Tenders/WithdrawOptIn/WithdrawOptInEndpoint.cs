using Aankopen.Domain.Tenders.WithdrawOptIn;
namespace Aankopen.Api.Tenders.WithdrawOptIn;

public static class WithdrawOptInEndpoint
{
    public static Task<IResult> Handle(
        Guid tenderId, int lotNumber, string administration, HttpContext http, TenderWrites writes, CancellationToken ct) =>
        writes.ExecuteAsync(http, tenderId, (tender, actor, now) =>
            WithdrawOptInDecider.Decide(tender, new WithdrawOptInCommand(lotNumber, administration, actor), now), ct);
}
