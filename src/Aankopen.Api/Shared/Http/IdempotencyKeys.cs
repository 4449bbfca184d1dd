using JasperFx.Events;

namespace Aankopen.Api.Shared.Http;

/// <summary>
/// The Idempotency-Key request header: a client's own id for one intended change, sent again unchanged when it
/// retries. It is stored as a header on the events the change recorded, so a retry can be recognised.
/// </summary>
public static class IdempotencyKeys
{
    public const string Header = "Idempotency-Key";
    public const string EventHeader = "idempotency-key";

    public static (string? Key, IResult? Problem) Read(HttpContext http)
    {
        var raw = http.Request.Headers[Header].ToString();
        if (raw.Length == 0)
            return (null, null);
        if (raw.Length <= 100 && raw.All(c => c is > ' ' and < (char)127))
            return (raw, null);
        return (null, Problems.Single(http, StatusCodes.Status422UnprocessableEntity, "idempotency-key-invalid",
            $"De header {Header} is hoogstens 100 zichtbare ASCII-tekens lang, bijvoorbeeld een UUID.",
            $"L'en-tête {Header} compte au plus 100 caractères ASCII visibles, par exemple un UUID."));
    }

    public static bool Carries(IEvent e, string key) =>
        e.Headers is { } headers && headers.TryGetValue(EventHeader, out var value) && value?.ToString() == key;
}
