using Aankopen.Contracts.FinanceSystem.V1;
using Refit;

namespace Aankopen.FinanceConnector;

/// <summary>The finance-system HTTP contract (see contracts/finance-system.openapi.yaml), as the connector calls it.</summary>
public interface IFinanceSystemApi
{
    [Post("/commitments")]
    Task<CommitmentReceipt> BookCommitmentAsync(
        [Header(FinanceSystemHeaders.IdempotencyKey)] string idempotencyKey, [Body] CommitmentRequest request, CancellationToken ct);
}
