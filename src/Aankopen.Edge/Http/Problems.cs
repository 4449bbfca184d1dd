using Aankopen.Domain;
using Microsoft.AspNetCore.Mvc;

namespace Aankopen.Edge.Http;

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

    private static readonly int[] Titled = [400, 401, 403, 404, 409, 412, 413, 428, 429, 503];

    /// <summary>The problem's title: the catalogue's for the status ("title/409"), the one of invalid input otherwise.</summary>
    private static string TitleFor(int status, bool french) => Catalogue.Say($"title/{(Titled.Contains(status) ? status : 422)}", [], french);

    /// <summary>An administration code that names none of the caller's tenant: 404, with the code as it came (shortened).</summary>
    public static IResult AdministrationNotFound(HttpContext http, string code) =>
        Problems.Single(http, StatusCodes.Status404NotFound, "administration-not-found", InputChecks.Shorten(code));

    /// <param name="key">The catalogue's sentence; its code (the key without a variant) names the problem.</param>
    public static IResult Single(HttpContext http, int status, string key, params object?[] args)
    {
        var french = PrefersFrench(http);
        var code = Catalogue.CodeOf(key);
        var problem = new ProblemDetails
        {
            Type = $"urn:aankopen:problem:{code}",
            Status = status,
            Title = TitleFor(status, french),
            Detail = Catalogue.Say(key, args, french),
            Instance = http.Request.Path,
        };
        problem.Extensions["code"] = code;
        return TypedResults.Problem(problem);
    }
}
