using System.Text.Json;
using Aankopen.Client;
using Aankopen.Domain;
using Aankopen.Edge.Http;
using Aankopen.Edge.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Refit;

namespace Aankopen.Web;

/// <summary>What every page has: the API as the signed-in person, their scope, the language, and refusals shown where they belong.</summary>
public abstract class AankopenPageModel : PageModel
{
    private IAankopenApi? api;

    protected IAankopenApi Api => api ??= HttpContext.RequestServices.GetRequiredService<PageApi>().For(HttpContext);

    public UserScope Scope => HttpContext.ScopeOf();

    public bool IsCell => User.IsInRole(Contracts.Api.V1.Access.Roles.PurchasingCell);

    public bool SeesAll => IsCell || User.IsInRole(Contracts.Api.V1.Access.Roles.Auditor);

    /// <summary>What the last change did, shown once on the next page (after the redirect that follows a form).</summary>
    [TempData]
    public string? Notice { get; set; }

    public static string Text(string key, params object?[] values) => Language.Text(key, values);

    /// <summary>
    /// The answer's content, or null after putting the API's refusal on the form: each field's message at its field
    /// (the form's inputs are named like the API's fields), the rest above the form.
    /// </summary>
    protected TContent? Accepted<TContent>(IApiResponse<TContent> response, string? prefix = null) where TContent : class
    {
        if (response.IsSuccessful && response.Content is { } content)
            return content;
        var body = (response.Error as ApiException)?.Content;
        var summary = Text("de-wijziging-werd-niet-aanvaard");
        if (!string.IsNullOrWhiteSpace(body))
        {
            try
            {
                var problem = JsonSerializer.Deserialize<JsonElement>(body);
                if (problem.TryGetProperty("detail", out var detail) && detail.GetString() is { Length: > 0 } d)
                    summary = d;
                if (problem.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object)
                {
                    foreach (var field in errors.EnumerateObject())
                        foreach (var message in field.Value.EnumerateArray())
                            ModelState.AddModelError(prefix is null ? field.Name : $"{prefix}.{field.Name}", message.GetString() ?? "");
                    // Said at the fields already; above the form only where to look.
                    summary = Text("verbeter-wat-bij-de-velden-hieronder");
                }
            }
            catch (JsonException)
            {
            }
        }
        ModelState.AddModelError(prefix ?? "", summary);
        return null;
    }

    /// <summary>The refusal's code in the API's problem answer (<c>code</c>), or null when there is none.</summary>
    protected static string? ProblemCodeOf<TContent>(IApiResponse<TContent> response)
    {
        if ((response.Error as ApiException)?.Content is not { Length: > 0 } body)
            return null;
        try
        {
            return JsonSerializer.Deserialize<JsonElement>(body) is { ValueKind: JsonValueKind.Object } problem
                && problem.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.String ? code.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>What was searched for in the CPV list on this page (<see cref="CpvSearch"/>), and the codes found.</summary>
    public string CpvQuery => Request.Query[CpvSearch.Query].ToString().Trim();

    public IReadOnlyList<Contracts.Api.V1.CpvView> CpvMatches { get; private set; } = [];

    /// <summary>Looks up the page's CPV search, if there is one; a refused search shows its reason at the search field.</summary>
    protected async Task FindCpvAsync(CancellationToken ct)
    {
        if (CpvQuery.Length > 0 && Accepted(await Api.SearchCpvAsync(CpvQuery, ct), CpvSearch.Form) is { } found)
            CpvMatches = found;
    }

    /// <summary>The page's answer when the API says the thing is not there (or not for this person).</summary>
    protected IActionResult NotFoundPage() => RefusalPage(StatusCodes.Status404NotFound);

    /// <summary>The page's answer when the API refuses this person what the page would show them; logged like every refusal.</summary>
    protected IActionResult ForbiddenPage()
    {
        AccessDenied.LogRefusal(HttpContext, "page");
        return RefusalPage(StatusCodes.Status403Forbidden);
    }

    private static ContentResult RefusalPage(int status) =>
        new() { StatusCode = status, ContentType = "text/html; charset=utf-8", Content = RefusalPages.Html(status, Language.IsFrench) };

    protected static string IfMatch(long version) => $"\"{version}\"";

    /// <summary>
    /// An amount typed the Belgian way (90.000,50 or 90000,50; a point alone as decimal point is taken too), or null
    /// with a message at its field. Empty is null without a message when <paramref name="optional"/>.
    /// </summary>
    protected decimal? AmountFrom(string form, string field, string? typed, bool optional = false)
    {
        if (string.IsNullOrWhiteSpace(typed))
        {
            if (!optional)
                ModelState.AddModelError($"{form}.{field}", Refusal("form/amount-required"));
            return null;
        }
        var text = typed.Trim().Replace(" ", "").Replace("\u202f", "").Replace("€", "");
        // 1.234,56 (Belgian) or 1234.56 (a point with at most two decimals after it and no comma).
        if (!text.Contains(',') && System.Text.RegularExpressions.Regex.IsMatch(text, @"^-?\d+\.\d{1,2}$"))
            text = text.Replace('.', ',');
        if (decimal.TryParse(text, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.GetCultureInfo("nl-BE"), out var amount))
            return amount;
        ModelState.AddModelError($"{form}.{field}", Refusal("form/amount-invalid", typed));
        return null;
    }

    protected DateOnly? DateFrom(string form, string field, string? typed)
    {
        if (DateOnly.TryParseExact(typed, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date))
            return date;
        ModelState.AddModelError($"{form}.{field}", Refusal("form/date-required"));
        return null;
    }

    /// <summary>A refusal of the pages themselves, from the same catalogue as the API's, in the page's language.</summary>
    protected static string Refusal(string key, params object?[] args) => Catalogue.Say(key, args, Language.IsFrench);

    /// <summary>Whether this request is the post of form <paramref name="form"/> (each form sends its id as <c>form</c>).</summary>
    public bool PostedBy(string form) => Request.HasFormContentType && Request.Form["form"] == form;

    /// <summary>The refusal of <paramref name="field"/> in <paramref name="form"/> ("" for the form as a whole), if any.</summary>
    public string? ErrorOf(string form, string field) =>
        ModelState.TryGetValue(field.Length == 0 ? form : $"{form}.{field}", out var entry) && entry.Errors.Count > 0
            ? string.Join(" ", entry.Errors.Select(e => e.ErrorMessage))
            : null;

    /// <summary>
    /// After a write: a stale version (someone changed the tender meanwhile) or a refusal shows the page again with
    /// the reason at the form; an accepted one says what it did on the page it redirects to.
    /// </summary>
    protected async Task<IActionResult> AfterWriteAsync<TContent>(string form, IApiResponse<TContent> response, string notice, string redirect,
        Func<Task<IActionResult>> showAgain) where TContent : class
    {
        // Not this person's to do (the form is not even shown to them): the refusal page, not the form again.
        if (response.StatusCode == System.Net.HttpStatusCode.Forbidden)
            return ForbiddenPage();
        if (response.StatusCode == System.Net.HttpStatusCode.PreconditionFailed)
        {
            ModelState.AddModelError(form, Refusal("form/version-stale"));
            return await showAgain();
        }
        if (AcceptedFor(form, response) is null)
            return await showAgain();
        Notice = notice;
        return Redirect(redirect);
    }

    /// <summary>A file the API serves (CSV), handed on as it came, under its own name unless <paramref name="fileName"/> gives one.</summary>
    protected async Task<IActionResult> DownloadAsync(Task<HttpResponseMessage> call, string? fileName, CancellationToken ct)
    {
        using var response = await call;
        if (response.StatusCode == System.Net.HttpStatusCode.Forbidden)
            return ForbiddenPage();
        if (response.StatusCode == System.Net.HttpStatusCode.NotFound)
            return NotFoundPage();
        if (!response.IsSuccessStatusCode)
            return StatusCode((int)response.StatusCode);
        var disposition = response.Content.Headers.ContentDisposition;
        return File(await response.Content.ReadAsByteArrayAsync(ct), "text/csv; charset=utf-8",
            fileName ?? disposition?.FileNameStar ?? disposition?.FileName?.Trim('"') ?? "export.csv");
    }

    /// <summary>Accepted, for a named form: its refusals go under <c>form.field</c> and <c>form</c>.</summary>
    protected TContent? AcceptedFor<TContent>(string form, IApiResponse<TContent> response) where TContent : class =>
        Accepted(response, form);
}
