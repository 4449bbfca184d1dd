namespace Aankopen.Edge.Http;

/// <summary>
/// The JSON body of a write, read once into memory (it is at most <c>Limits:MaxRequestBodyKilobytes</c>) so that it
/// can be screened for unfit text and fingerprinted for an Idempotency-Key before the endpoint binds it as usual.
/// </summary>
public static class BufferedBodies
{
    private const string Key = "aankopen.body";

    public static bool HasJsonBody(HttpRequest request) =>
        !HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method)
        && request.ContentType is { } type && (type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) || type.Contains("+json", StringComparison.OrdinalIgnoreCase));

    /// <summary>Whether the body is UTF-8, as RFC 8259 asks of JSON: no charset, or utf-8.</summary>
    public static bool IsUtf8(HttpRequest request) =>
        !Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
        || type.Charset.Value is null || type.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase)
        || type.Charset.Equals("utf8", StringComparison.OrdinalIgnoreCase);

    public static async Task<byte[]> ReadAsync(HttpContext http)
    {
        if (http.Items[Key] is byte[] read)
            return read;
        using var copy = new MemoryStream();
        await http.Request.Body.CopyToAsync(copy, http.RequestAborted);
        var bytes = copy.ToArray();
        http.Request.Body = new MemoryStream(bytes, writable: false);
        http.Items[Key] = bytes;
        return bytes;
    }

    /// <summary>The body as read by <see cref="ReadAsync"/>; empty for a request without a JSON body.</summary>
    public static byte[] Of(HttpContext http) => http.Items[Key] as byte[] ?? [];
}
