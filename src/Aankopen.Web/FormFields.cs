using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Html;

namespace Aankopen.Web;

/// <summary>
/// Labelled inputs whose refusal shows right under them: each form on a page has an id, its inputs carry the API's
/// field names, and the API's per-field messages come back under the key <c>form.field</c>. A failed form keeps what
/// the person typed.
/// </summary>
public static class FormFields
{
    internal static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>The markup of a piece built here, for pages that assemble a larger one.</summary>
    public static string ToHtml(this IHtmlContent content)
    {
        using var writer = new StringWriter();
        content.WriteTo(writer, Html);
        return writer.ToString();
    }

    public static IHtmlContent Input(this AankopenPageModel page, string form, string name, string label, string? value = null,
        string type = "text", string? hint = null, bool required = true, string? extra = null)
    {
        var id = $"{form}-{name}";
        var error = page.ErrorOf(form, name);
        var shown = page.PostedBy(form) ? page.Request.Form[name].ToString() : value;
        var describedBy = string.Join(' ', new[] { hint is null ? null : $"{id}-hint", error is null ? null : $"{id}-error" }.OfType<string>());
        return new HtmlString(
            $"""<div class="field"><label for="{id}">{Html.Encode(label)}{(hint is null ? "" : $""" <span class="hint" id="{id}-hint">{Html.Encode(hint)}</span>""")}</label>"""
            + $"""<input id="{id}" name="{name}" type="{type}" value="{Html.Encode(shown ?? "")}"{(required ? " required" : "")}"""
            + (error is null ? "" : " aria-invalid=\"true\"") + (describedBy.Length > 0 ? $" aria-describedby=\"{describedBy}\"" : "") + $"{(extra is null ? "" : " " + extra)}>"
            + (error is null ? "" : $"""<p class="field-error" id="{id}-error">{Html.Encode(error)}</p>""") + "</div>");
    }

    /// <summary>The form's own refusal (what is not about one field), above its fields.</summary>
    public static IHtmlContent FormError(this AankopenPageModel page, string form) =>
        page.ErrorOf(form, "") is { } error ? new HtmlString($"""<p class="summary-error" role="alert">{Html.Encode(error)}</p>""") : HtmlString.Empty;

    public static IHtmlContent FormId(string form) => new HtmlString($"""<input type="hidden" name="form" value="{Html.Encode(form)}">""");
}
