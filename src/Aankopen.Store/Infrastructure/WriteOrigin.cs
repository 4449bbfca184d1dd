using Aankopen.Edge.Http;

namespace Aankopen.Store.Infrastructure;

/// <summary>
/// What an append keeps of the request that decided it: this service's correlation id (Marten's column), and on the
/// events' headers the caller's own correlation id, the Idempotency-Key and the fingerprint of what was asked under it
/// (made by <c>IdempotencyKeys</c>), so that only the same request sent again is answered as a replay.
/// </summary>
public sealed record WriteOrigin(string? CorrelationId, string? CallerCorrelationId = null, string? IdempotencyKey = null, string? Fingerprint = null)
{
    /// <summary>The event header that keeps the Idempotency-Key a write was sent with.</summary>
    public const string IdempotencyKeyHeader = "idempotency-key";

    /// <summary>The event header that keeps the fingerprint of the request sent under that key.</summary>
    public const string FingerprintHeader = "idempotency-request";

    /// <summary>A write of the service's own (a scheduler's run): a correlation id of its own, named after the job.</summary>
    public static WriteOrigin OfJob(string job) =>
        new($"{job}:{Guid.CreateVersion7():N}");

    /// <summary>The event headers this origin adds (none of them when it has nothing to add).</summary>
    public void AddHeaders(IDictionary<string, object> headers)
    {
        if (CallerCorrelationId is not null)
            headers[CorrelationIds.CallerEventHeader] = CallerCorrelationId;
        if (IdempotencyKey is not null)
            headers[IdempotencyKeyHeader] = IdempotencyKey;
        if (Fingerprint is not null)
            headers[FingerprintHeader] = Fingerprint;
    }
}
