using System.Security.Cryptography;
using System.Text;
using Aankopen.Edge.Http;
using Aankopen.Edge.Security;
using Aankopen.Store.Infrastructure;
using JasperFx.Events;

namespace Aankopen.Store.Streams;

/// <summary>
/// The Idempotency-Key request header: a client's own id for one intended change, sent again unchanged when it
/// retries. It is stored as a header on the events the change recorded, with a fingerprint of the request (who asked,
/// in which tenant, with which method, route and body), so that a retry is recognised and nothing else is: a key
/// sent by someone else, on another route or with another body, is a request like any other.
/// </summary>
public static class IdempotencyKeys
{
    public const string Header = "Idempotency-Key";
    public const string EventHeader = WriteOrigin.IdempotencyKeyHeader;
    public const string FingerprintHeader = WriteOrigin.FingerprintHeader;

    /// <summary>What an append keeps of this request: its correlation ids, and the key with the request's fingerprint.</summary>
    public static WriteOrigin OriginOf(HttpContext http, string? idempotencyKey) =>
        new(CorrelationIds.Of(http), CorrelationIds.CallerOf(http), idempotencyKey, idempotencyKey is null ? null : Fingerprint(http));

    /// <summary>
    /// The id a create sent under <paramref name="key"/> gives what it creates, within <paramref name="space"/> (one per
    /// kind of resource): the same for the same caller (tenant and the token's subject, else the actor) and key, so a
    /// retry meets what the first request created; the same key from another caller gives another id.
    /// </summary>
    public static Guid IdFor(Guid space, string tenant, HttpContext http, string actor, string key) =>
        Notifications.MessageIds.For(space, $"{tenant}\n{http.User.FindFirst("sub")?.Value ?? actor}\n{key}");

    public static (string? Key, IResult? Problem) Read(HttpContext http)
    {
        var raw = http.Request.Headers[Header].ToString();
        if (raw.Length == 0)
            return (null, null);
        if (raw.Length <= 100 && raw.All(c => c is > ' ' and < (char)127))
            return (raw, null);
        return (null, Problems.Single(http, StatusCodes.Status422UnprocessableEntity, "idempotency-key-invalid", Header));
    }

    /// <summary>
    /// SHA-256 over the caller (tenant and the token's subject), the method, the path and query, and the body's bytes
    /// as sent (read once by <see cref="BufferedBodies"/>).
    /// </summary>
    public static string Fingerprint(HttpContext http)
    {
        var scope = http.ScopeOf();
        var subject = http.User.FindFirst("sub")?.Value ?? http.User.Identity?.Name ?? "";
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{scope.Tenant}\n{subject}\n{http.Request.Method} {http.Request.PathBase}{http.Request.Path}{http.Request.QueryString}\n"));
        hash.AppendData(BufferedBodies.Of(http));
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>Whether <paramref name="e"/> was recorded by this very request (<paramref name="origin"/>'s key and fingerprint).</summary>
    public static bool Replays(IEvent e, WriteOrigin origin) =>
        origin.IdempotencyKey is { } key && e.Headers is { } headers
        && headers.TryGetValue(EventHeader, out var stored) && stored?.ToString() == key
        && headers.TryGetValue(FingerprintHeader, out var fingerprint) && fingerprint?.ToString() == origin.Fingerprint;
}
