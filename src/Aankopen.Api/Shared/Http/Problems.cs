using Aankopen.Domain;
using Microsoft.AspNetCore.Mvc;

namespace Aankopen.Api.Shared.Http;

/// <summary>
/// RFC 9457 problem details in the reader's language: French when Accept-Language prefers it, Dutch otherwise.
/// The body's status always equals the response status.
/// </summary>
public static class Problems
{
    public static bool PrefersFrench(HttpContext http) =>
        http.Request.GetTypedHeaders().AcceptLanguage
            .OrderByDescending(l => l.Quality ?? 1)
            .Select(l => l.Value.Value ?? "")
            .FirstOrDefault(l => l.StartsWith("fr", StringComparison.OrdinalIgnoreCase) || l.StartsWith("nl", StringComparison.OrdinalIgnoreCase))
            ?.StartsWith("fr", StringComparison.OrdinalIgnoreCase) ?? false;

    /// <summary>The language the reader chose (<paramref name="asked"/>: a <c>lang</c> of fr or nl); without one, as Accept-Language prefers.</summary>
    public static bool PrefersFrench(HttpContext http, string? asked) =>
        asked?.StartsWith("fr", StringComparison.OrdinalIgnoreCase) == true
        || (asked?.StartsWith("nl", StringComparison.OrdinalIgnoreCase) != true && PrefersFrench(http));

    /// <param name="status">Instead of the status the first error's kind gives: 400 for what a query parameter said.</param>
    public static IResult From(HttpContext http, IReadOnlyList<DomainError> errors, int? status = null)
    {
        var french = PrefersFrench(http);
        var first = errors[0];
        status ??= first.Kind switch
        {
            ErrorKind.NotFound => StatusCodes.Status404NotFound,
            ErrorKind.Conflict => StatusCodes.Status409Conflict,
            _ => StatusCodes.Status422UnprocessableEntity,
        };
        var problem = new ProblemDetails
        {
            Type = $"urn:aankopen:problem:{first.Code}",
            Status = status,
            Title = TitleFor(status.Value, french),
            Detail = string.Join(" ", errors.Select(e => french ? e.Fr : e.Nl)),
            Instance = http.Request.Path,
        };
        problem.Extensions["code"] = first.Code;
        var byField = errors.Where(e => e.Field is not null)
            .GroupBy(e => e.Field!)
            .ToDictionary(g => g.Key, g => g.Select(e => french ? e.Fr : e.Nl).ToArray());
        if (byField.Count > 0)
            problem.Extensions["errors"] = byField;
        return TypedResults.Problem(problem);
    }

    private static string TitleFor(int status, bool french) => status switch
    {
        StatusCodes.Status400BadRequest => french ? "Requête illisible" : "Onleesbaar verzoek",
        StatusCodes.Status401Unauthorized => french ? "Non authentifié" : "Niet aangemeld",
        StatusCodes.Status403Forbidden => french ? "Non autorisé" : "Niet toegestaan",
        StatusCodes.Status404NotFound => french ? "Introuvable" : "Niet gevonden",
        StatusCodes.Status413PayloadTooLarge => french ? "Requête trop grande" : "Verzoek te groot",
        StatusCodes.Status429TooManyRequests => french ? "Trop de modifications" : "Te veel wijzigingen",
        StatusCodes.Status409Conflict => french ? "Refusé par une règle" : "Geweigerd door een regel",
        StatusCodes.Status412PreconditionFailed => french ? "Version dépassée" : "Verouderde versie",
        StatusCodes.Status428PreconditionRequired => french ? "Version manquante" : "Versie ontbreekt",
        StatusCodes.Status503ServiceUnavailable => french ? "Momentanément indisponible" : "Even niet beschikbaar",
        _ => french ? "Données invalides" : "Ongeldige invoer",
    };

    public static IResult Single(HttpContext http, int status, string code, string nl, string fr)
    {
        var french = PrefersFrench(http);
        var problem = new ProblemDetails
        {
            Type = $"urn:aankopen:problem:{code}",
            Status = status,
            Title = TitleFor(status, french),
            Detail = french ? fr : nl,
            Instance = http.Request.Path,
        };
        problem.Extensions["code"] = code;
        return TypedResults.Problem(problem);
    }
}
