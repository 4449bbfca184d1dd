using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace Aankopen.Web;

/// <summary>
/// Finding a CPV code by words, beside the form that asks for one. The pages run without script, so the search is a
/// GET form of its own: each code found links back to the same page with the code filled in (the form's field reads
/// it from <c>pick</c>), and the codes found also become the field's suggestions.
/// </summary>
public static class CpvSearch
{
    /// <summary>The search's query parameter: the API's own name for it, so that its refusal lands at the field.</summary>
    public const string Query = "q";
    public const string Form = "cpvsearch";
    public const string Suggestions = "cpv-found";

    private static HtmlEncoder Html => FormFields.Html;

    /// <summary>
    /// The search, its results as links that fill in <paramref name="pick"/>, and the suggestions list. An
    /// <paramref name="anchor"/> brings the form back into view; browsers keep it across the redirect after the form's
    /// post, so give one only where landing there again suits the next step.
    /// </summary>
    public static IHtmlContent CpvSearchForm(this AankopenPageModel page, string pick, string? anchor = null)
    {
        var query = page.CpvQuery;
        var error = page.ErrorOf(Form, Query) ?? page.ErrorOf(Form, "");
        var html = new System.Text.StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"""<form method="get" class="row" role="search" aria-label="{Html.Encode(Language.Text("cpv-code-zoeken"))}">""")
            .Append(page.FormError(Form).ToHtml())
            .Append(page.Input(Form, Query, Language.Text("cpv-code-zoeken-op-woorden-in"),
                query, "search", Language.Text("bv-kantoorbenodigdheden-of-de-eerste-cijfers"), required: false).ToHtml())
            .Append(CultureInfo.InvariantCulture, $"""<button type="submit" class="secondary">{Html.Encode(Language.Text("zoeken"))}</button></form>""");
        if (query.Length > 0 && error is null)
        {
            if (page.CpvMatches.Count == 0)
                html.Append(CultureInfo.InvariantCulture, $"""<p class="muted">{Html.Encode(Language.Text("geen-code-gevonden-probeer-andere-woorden"))}</p>""");
            else
            {
                html.Append(CultureInfo.InvariantCulture, $"""<ul class="cpv-found" aria-label="{Html.Encode(Language.Text("gevonden-cpv-codes"))}">""");
                foreach (var match in page.CpvMatches)
                {
                    var href = $"?{pick}={Uri.EscapeDataString(match.Code)}&{Query}={Uri.EscapeDataString(query)}{(anchor is null ? "" : "#" + anchor)}";
                    html.Append(CultureInfo.InvariantCulture, $"""<li><a href="{Html.Encode(href)}">{Html.Encode(match.Code)}</a> {Html.Encode(Language.Either(match.Nl, match.Fr))}</li>""");
                }
                html.Append("</ul>");
            }
        }
        html.Append(CultureInfo.InvariantCulture, $"""<datalist id="{Suggestions}">""");
        foreach (var match in page.CpvMatches)
            html.Append(CultureInfo.InvariantCulture, $"""<option value="{Html.Encode(match.Code)}">{Html.Encode(Language.Either(match.Nl, match.Fr))}</option>""");
        return new HtmlString(html.Append("</datalist>").ToString());
    }
}
