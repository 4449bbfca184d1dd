using Aankopen.Domain;

namespace Aankopen.Edge.Http;

/// <summary>
/// What a browser gets instead of a problem document: the pages, the policies and the input screen all refuse with
/// these, in the language the person chose (the pages' cookie) or the request prefers.
/// </summary>
public static class RefusalPages
{
    /// <summary>The cookie that keeps the language a person chose on the pages.</summary>
    public const string LanguageCookie = "aankopen.lang";

    /// <summary>
    /// The refusal page for a request outside the pages' own handlers (a policy, the input screen, a failed sign-in), in
    /// the language the pages would speak.
    /// </summary>
    public static IResult Refusal(HttpContext http, int status) =>
        Results.Content(Html(status, PrefersFrench(http)), "text/html; charset=utf-8", statusCode: status);

    /// <summary>As the pages choose: the language the person chose last (the cookie), else the one the browser asks for.</summary>
    public static bool PrefersFrench(HttpContext http) => http.Request.Cookies[LanguageCookie] switch
    {
        "fr" => true,
        "nl" => false,
        _ => Problems.PrefersFrench(http),
    };

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
