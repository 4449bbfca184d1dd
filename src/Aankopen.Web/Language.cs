using System.Globalization;
using Aankopen.Domain;
using Microsoft.AspNetCore.Localization;

namespace Aankopen.Web;

/// <summary>
/// The pages speak Dutch or French: what the person chose last (a cookie, kept a year), else what the browser asks
/// for, else Dutch. Dates and amounts follow nl-BE or fr-BE; times are Brussels time.
/// </summary>
public static class Language
{
    public const string CookieName = Edge.Http.RefusalPages.LanguageCookie;

    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-BE"), French = CultureInfo.GetCultureInfo("fr-BE");
    private static readonly TimeZoneInfo Brussels = Aankopen.Domain.BrusselsCalendar.Zone;

    public static bool IsFrench => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "fr";

    private static readonly TextCatalogue Labels = new("Aankopen.Web.Texts.Labels", typeof(Language).Assembly);

    /// <summary>
    /// A label, heading or notice of the pages from <c>Web/Texts/Labels.resx</c> (Dutch) or <c>Labels.fr.resx</c> (French),
    /// with its values, in the page's language; a test fails on a key missing there.
    /// </summary>
    public static string Text(string key, params object?[] values) => Labels.Say(key, values, IsFrench);

    /// <summary>A label in the language given rather than the request's (the audit pages choose theirs with <c>?lang=</c>).</summary>
    public static string TextIn(bool french, string key, params object?[] values) => Labels.Say(key, values, french);

    /// <summary>Data recorded in both languages (a title, a CPV label): the one of the page's language.</summary>
    public static string Either(string nl, string fr) => IsFrench ? fr : nl;

    /// <summary>The labels of one language as written in its own file, without falling back to another.</summary>
    public static IReadOnlyDictionary<string, string> LabelsOf(bool french) => Labels.Of(french);

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
        return Results.Redirect(Edge.Security.ReturnAddresses.Local(returnUrl));
    }
}
