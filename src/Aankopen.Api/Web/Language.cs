using System.Globalization;
using Aankopen.Domain;
using Microsoft.AspNetCore.Localization;

namespace Aankopen.Api.Web;

/// <summary>
/// The pages speak Dutch or French: what the person chose last (a cookie, kept a year), else what the browser asks
/// for, else Dutch. Dates and amounts follow nl-BE or fr-BE; times are Brussels time.
/// </summary>
public static class Language
{
    public const string CookieName = "aankopen.lang";

    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-BE"), French = CultureInfo.GetCultureInfo("fr-BE");
    private static readonly TimeZoneInfo Brussels = Aankopen.Domain.BrusselsCalendar.Zone;

    public static bool IsFrench => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "fr";

    public static string T(string nl, string fr) => IsFrench ? fr : nl;

    public static string Amount(decimal? amount) => amount is { } a ? a.ToString("N2", CultureInfo.CurrentCulture) + " €" : "–";

    public static string Number(decimal? number) => number is { } n ? n.ToString("0.##", CultureInfo.CurrentCulture) : "–";

    /// <summary>A date as the refusals write it ("1er janvier 2027"), so that a page and its refusal agree.</summary>
    public static string Date(DateOnly? date) => date is { } d ? Aankopen.Domain.Wording.Date(d, IsFrench) : "–";

    public static string Moment(DateTimeOffset? at) =>
        at is { } a && TimeZoneInfo.ConvertTime(a, Brussels) is var local
            ? Aankopen.Domain.Wording.Date(DateOnly.FromDateTime(local.DateTime), IsFrench) + local.ToString(" HH:mm", CultureInfo.InvariantCulture)
            : "–";

    /// <summary>A date and time typed on a page, as Brussels time.</summary>
    public static DateTimeOffset FromBrussels(DateTime local)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return new DateTimeOffset(unspecified, Brussels.GetUtcOffset(unspecified));
    }

    public static DateTime ToBrussels(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Brussels).DateTime;

    /// <summary>For date inputs: the browser's own picker takes and gives yyyy-MM-dd whatever the language.</summary>
    public static string InputDate(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    public static IApplicationBuilder UsePageLanguage(this IApplicationBuilder app) => app.UseRequestLocalization(o =>
    {
        o.DefaultRequestCulture = new RequestCulture(Dutch);
        o.SupportedCultures = o.SupportedUICultures = [Dutch, French];
        o.RequestCultureProviders =
        [
            new CustomRequestCultureProvider(http => Task.FromResult(http.Request.Cookies[CookieName] switch
            {
                "fr" => new ProviderCultureResult("fr-BE"),
                "nl" => new ProviderCultureResult("nl-BE"),
                _ => null,
            })),
            new AcceptLanguageHeaderRequestCultureProvider(),
        ];
    });

    /// <summary>Remembers the choice and goes back to the page it was made on (only pages of this site).</summary>
    public static IResult Choose(string to, string? returnUrl, HttpContext http)
    {
        http.Response.Cookies.Append(CookieName, to == "fr" ? "fr" : "nl", new CookieOptions
        {
            MaxAge = TimeSpan.FromDays(365),
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            IsEssential = true,
            Secure = http.Request.IsHttps,
        });
        return Results.Redirect(Shared.Security.ReturnAddresses.Local(returnUrl));
    }

    /// <summary>
    /// The refusal page for a request outside the pages' own handlers (a policy, the input screen), in the language the
    /// request prefers or the person chose.
    /// </summary>
    public static IResult Refusal(HttpContext http, int status) =>
        Results.Content(RefusalPage(status, Shared.Http.Problems.PrefersFrench(http) || http.Request.Cookies[CookieName] == "fr"),
            "text/html; charset=utf-8", statusCode: status);

    /// <summary>
    /// What a person sees instead of a page they may not see (403), that is not there for them (404) or whose address
    /// holds a character no page takes (400), or whose sign-in failed (401): a page in their
    /// language saying so, with the way back, rather than a machine's problem document.
    /// </summary>
    public static string RefusalPage(int status, bool french)
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
