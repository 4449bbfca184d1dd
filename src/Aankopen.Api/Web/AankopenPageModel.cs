using System.Text.Json;
using Aankopen.Api.Shared.Security;
using Aankopen.Client;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Refit;

namespace Aankopen.Api.Web;

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

    public static string T(string nl, string fr) => Language.T(nl, fr);

    /// <summary>
    /// The answer's content, or null after putting the API's refusal on the form: each field's message at its field
    /// (the form's inputs are named like the API's fields), the rest above the form.
    /// </summary>
    protected TContent? Accepted<TContent>(IApiResponse<TContent> response, string? prefix = null) where TContent : class
    {
        if (response.IsSuccessful && response.Content is { } content)
            return content;
        var body = (response.Error as ApiException)?.Content;
        var summary = T("De wijziging werd niet aanvaard.", "La modification n'a pas été acceptée.");
        if (!string.IsNullOrWhiteSpace(body))
        {
            try
            {
                var problem = JsonSerializer.Deserialize<JsonElement>(body);
                if (problem.TryGetProperty("detail", out var detail) && detail.GetString() is { Length: > 0 } d)
                    summary = d;
                if (problem.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object)
                    foreach (var field in errors.EnumerateObject())
                        foreach (var message in field.Value.EnumerateArray())
                            ModelState.AddModelError(prefix + field.Name, message.GetString() ?? "");
            }
            catch (JsonException)
            {
            }
        }
        ModelState.AddModelError("", summary);
        return null;
    }

    /// <summary>The page's answer when the API says the thing is not there (or not for this person).</summary>
    protected IActionResult NotFoundPage() => StatusCode(StatusCodes.Status404NotFound);

    protected static string IfMatch(long version) => $"\"{version}\"";
}
