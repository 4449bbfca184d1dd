using Aankopen.Domain;
using Microsoft.Net.Http.Headers;

namespace Aankopen.Api.Shared.Http;

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
            return (null, Problems.Single(http, StatusCodes.Status428PreconditionRequired, "if-match-required",
                "Stuur de ETag van de versie waarop u zich baseert mee in de If-Match-header (haal ze op met GET).",
                "Envoyez l'ETag de la version sur laquelle vous vous basez dans l'en-tête If-Match (obtenez-le par GET)."));

        if (EntityTagHeaderValue.TryParse(raw, out var tag) && !tag.IsWeak
            && long.TryParse(tag.Tag.AsSpan().Trim('"'), out var version) && version > 0)
            return (version, null);

        return (null, Stale(http, raw));
    }

    public static IResult Stale(HttpContext http, string sent, long? current = null)
    {
        if (current is { } v)
            SetETag(http, v);
        return Problems.Single(http, StatusCodes.Status412PreconditionFailed, "version-stale",
            $"Dit werd intussen door iemand anders gewijzigd (u stuurde If-Match {InputChecks.Shorten(sent)}); haal de huidige versie op (GET) en probeer opnieuw.",
            $"Ceci a été modifié entre-temps par quelqu'un d'autre (If-Match envoyé : {InputChecks.Shorten(sent)}) ; rechargez la version actuelle (GET) et réessayez.");
    }
}
