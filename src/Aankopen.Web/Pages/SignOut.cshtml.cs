using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Aankopen.Web.Pages;

/// <summary>Ends the session here and at the identity provider, which sends the browser back to the overview.</summary>
public sealed class SignOutModel : PageModel
{
    public IActionResult OnGet() => LocalRedirect("/");

    public IActionResult OnPost() =>
        SignOut(new AuthenticationProperties { RedirectUri = "/" }, Aankopen.Edge.Security.SignIn.Cookie, Aankopen.Edge.Security.SignIn.Oidc);
}
