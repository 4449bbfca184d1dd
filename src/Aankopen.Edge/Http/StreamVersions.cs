using Aankopen.Domain;
using Microsoft.Net.Http.Headers;

namespace Aankopen.Edge.Http;

/// <summary>
/// Optimistic concurrency over HTTP: the ETag of a tender is its stream version (of an administration, its
/// revision), and every write must name the version it was decided on in If-Match, so two officers cannot silently
/// overwrite each other.
/// </summary>
public static class StreamVersions
{
    public static string ETagFor(long version) => $"\"{version}\"";

    public static void SetETag(HttpContext http, long version) => http.Response.Headers.ETag = ETagFor(version);

    /// <summary>The expected version, or a 428/412 problem when If-Match is missing or unreadable.</summary>
    public static (long? Version, IResult? Problem) ReadIfMatch(HttpContext http)
    {
        var raw = http.Request.Headers.IfMatch.ToString();
        if (string.IsNullOrWhiteSpace(raw))
            return (null, Problems.Single(http, StatusCodes.Status428PreconditionRequired, "if-match-required"));

        if (EntityTagHeaderValue.TryParse(raw, out var tag) && !tag.IsWeak
            && long.TryParse(tag.Tag.AsSpan().Trim('"'), out var version) && version > 0)
            return (version, null);

        return (null, Stale(http, raw));
    }

    public static IResult Stale(HttpContext http, string sent, long? current = null)
    {
        if (current is { } v)
            SetETag(http, v);
        return Problems.Single(http, StatusCodes.Status412PreconditionFailed, "version-stale", InputChecks.Shorten(sent));
    }
}
