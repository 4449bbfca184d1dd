using Aankopen.Contracts.FinanceSystem.V1;
using Refit;

namespace Aankopen.FinanceConnector;

/// <summary>The finance-system HTTP contract (contracts/finance-system.openapi.json), as the connector calls it.</summary>
public interface IFinanceSystemApi
{
    [Post("/commitments")]
    Task<Receipt> BookCommitmentAsync(
        [Header(FinanceSystemHeaders.IdempotencyKey)] string idempotencyKey, [Body] CommitmentRequest request, CancellationToken ct);

    [Post("/reservations")]
    Task<Receipt> ReserveAsync(
        [Header(FinanceSystemHeaders.IdempotencyKey)] string idempotencyKey, [Body] ReservationRequest request, CancellationToken ct);

    [Post("/memberships")]
    Task<Receipt> RecordMembershipAsync(
        [Header(FinanceSystemHeaders.IdempotencyKey)] string idempotencyKey, [Body] MembershipRequest request, CancellationToken ct);

    [Post("/frameworks")]
    Task<Receipt> AnnounceFrameworkAsync(
        [Header(FinanceSystemHeaders.IdempotencyKey)] string idempotencyKey, [Body] FrameworkRequest request, CancellationToken ct);

    [Post("/releases")]
    Task<Receipt> ReleaseAsync(
        [Header(FinanceSystemHeaders.IdempotencyKey)] string idempotencyKey, [Body] ReleaseRequest request, CancellationToken ct);
}
