using Aankopen.Domain;

namespace Aankopen.Api.Shared.Http;

/// <summary>
/// What a browser gets instead of a problem document: the pages, the policies and the input screen all refuse with
/// these, in the language the person chose (the pages' cookie) or the request prefers.
/// </summary>
public static class RefusalPages
{
    /// <summary>The cookie that keeps the language a person chose on the pages.</summary>
    public const string LanguageCookie = "aankopen.lang";

    /// <summary>
    /// The refusal page for a request outside the pages' own handlers (a policy, the input screen), in the language the
    /// request prefers or the person chose.
    /// </summary>
    public static IResult Refusal(HttpContext http, int status) =>
        Results.Content(Html(status, Problems.PrefersFrench(http) || http.Request.Cookies[LanguageCookie] == "fr"),
            "text/html; charset=utf-8", statusCode: status);

    /// <summary>
    /// What a person sees instead of a page they may not see (403), that is not there for them (404) or whose address
    /// holds a character no page takes (400), or whose sign-in failed (401): a page in their
    /// language saying so, with the way back, rather than a machine's problem document.
    /// </summary>
    public static string Html(int status, bool french)
    {
        var page = status is StatusCodes.Status403Forbidden or StatusCodes.Status401Unauthorized or StatusCodes.Status400BadRequest ? status : StatusCodes.Status404NotFound;
        var (title, text) = (Catalogue.Say($"page-refused/{page}-title", [], french), Catalogue.Say($"page-refused/{page}", [], french));
        return $"""
            <!DOCTYPE html>
            <html lang="{(french ? "fr" : "nl")}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{title}</title><link rel="stylesheet" href="/css/site.css"></head>
            <body><main id="main"><h1>{title}</h1>
            <p>{text}</p>
            <p><a href="/">{Catalogue.Say("page-refused/back", [], french)}</a></p></main></body></html>
            """;
    }
}
