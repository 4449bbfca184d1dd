using System.Globalization;
using System.Text;
using System.Text.Json;
using Aankopen.Contracts.Api.V1;
using Aankopen.Edge.Http;
using Aankopen.Edge.Security;
using Refit;

namespace Aankopen.Web;

/// <summary>
/// The history of a tender or a membership as a page for auditors and the purchasing cell, in Dutch or French
/// (<c>?lang=fr</c>, else the language chosen on the pages, else the browser's preference): every recorded fact, oldest first, with who, when (Brussels
/// time), the request's correlation id and what was recorded. The same facts as the history endpoints.
/// </summary>
public static class AuditPages
{
    private static readonly TimeZoneInfo Brussels = Aankopen.Domain.BrusselsCalendar.Zone;
    /// <summary>Escapes markup but leaves accented letters as they are, so the page reads as written.</summary>
    private static readonly System.Text.Encodings.Web.HtmlEncoder Html = System.Text.Encodings.Web.HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);
    private static readonly JsonSerializerOptions Indented = new(JsonSerializerOptions.Web)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };

    public static IEndpointRouteBuilder MapAuditPages(this IEndpointRouteBuilder app)
    {
        // The API checks the caller again and answers only what their token may read; the policy here spares a call.
        var pages = app.MapGroup("/audit").RequireAuthorization(Policies.SeesAll);
        pages.MapGet("/tenders/{tenderId:guid}", async (Guid tenderId, HttpContext http, PageApi api, CancellationToken ct) =>
            Page(http, await api.For(http).GetHistoryAsync(tenderId, ct), "audit-title-tender", tenderId));
        pages.MapGet("/memberships/{membershipId:guid}", async (Guid membershipId, HttpContext http, PageApi api, CancellationToken ct) =>
            Page(http, await api.For(http).GetMembershipHistoryAsync(membershipId, ct), "audit-title-membership", membershipId));
        return app;
    }

    private static IResult Page(HttpContext http, IApiResponse<IReadOnlyList<HistoryEntryView>> history, string title, Guid id)
    {
        if (!history.IsSuccessful || history.Content is not { } entries)
            return RefusalPages.Refusal(http, (int?)history.StatusCode ?? StatusCodes.Status502BadGateway);
        var french = Problems.PrefersFrench(http, http.Request.Query["lang"].ToString() is { Length: > 0 } asked ? asked : http.Request.Cookies[RefusalPages.LanguageCookie]);
        string T(string key, params object?[] values) => Html.Encode(Language.TextIn(french, key, values));
        var culture = CultureInfo.GetCultureInfo(french ? "fr-BE" : "nl-BE");
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"""
            <!doctype html>
            <html lang="{(french ? "fr" : "nl")}">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{T(title)} {id}</title></head>
            <body>
            <main>
            <h1>{T(title)}</h1>
            <p>{id} · <a href="?lang={(french ? "nl" : "fr")}">{(french ? "Nederlands" : "français")}</a></p>
            <table>
            <caption>{T("audit-facts", entries.Count)}</caption>
            <thead><tr><th scope="col">{T("audit-version")}</th><th scope="col">{T("audit-fact")}</th><th scope="col">{T("audit-by")}</th><th scope="col">{T("audit-when")}</th><th scope="col">{T("audit-correlation-id")}</th><th scope="col">{T("audit-caller-id")}</th><th scope="col">{T("audit-recorded")}</th></tr></thead>
            <tbody>

            """);
        foreach (var e in entries)
        {
            var at = TimeZoneInfo.ConvertTime(e.At, Brussels).ToString("g", culture);
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{e.Version}</td><th scope=\"row\">{Html.Encode(e.Event)}</th><td>{Html.Encode(e.By)}</td>"
                + $"<td><time datetime=\"{e.At:O}\">{Html.Encode(at)}</time></td><td><code>{Html.Encode(e.CorrelationId ?? "")}</code></td><td><code>{Html.Encode(e.CallerCorrelationId ?? "")}</code></td>"
                + $"<td><details><summary>{T("audit-show")}</summary><pre>{Html.Encode(JsonSerializer.Serialize(e.Data, Indented))}</pre></details></td></tr>\n");
        }
        html.Append("</tbody>\n</table>\n</main>\n</body>\n</html>\n");
        return Results.Content(html.ToString(), "text/html; charset=utf-8");
    }
}
