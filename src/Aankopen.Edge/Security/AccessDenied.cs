using Aankopen.Edge.Http;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace Aankopen.Edge.Security;

/// <summary>
/// A refused request gets a problem in Dutch or French saying what is missing, and every refusal is logged with who
/// asked for what: an operator sees attempts to act for another administration. Used by the authorisation
/// middleware (policies) and by endpoints that refuse on what a query names (<see cref="Forbidden"/>).
/// </summary>
public sealed class AccessDenied : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler standard = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext http, AuthorizationPolicy policy, PolicyAuthorizationResult result)
    {
        if (result.Succeeded)
            await standard.HandleAsync(next, http, policy, result);
        else if (!SignIn.UsesBearer(http) && http.User.Identity?.IsAuthenticated != true)
            // A person on a page: off to the identity provider, and back to this page after (if it is one of this site).
            await http.ChallengeAsync(SignIn.Oidc, new AuthenticationProperties { RedirectUri = ReturnAddresses.Of(http.Request) });
        else if (result.Challenged || http.User.Identity?.IsAuthenticated != true)
            await NotSignedIn(http).ExecuteAsync(http);
        else if (!SignIn.UsesBearer(http))
            await ForbiddenPage(http).ExecuteAsync(http);
        else
            await Forbidden(http).ExecuteAsync(http);
    }

    private static IResult NotSignedIn(HttpContext http)
    {
        Log(http).LogWarning("Refused {Method} {Path}: no valid bearer token", http.Request.Method, http.Request.Path);
        http.Response.Headers.WWWAuthenticate = "Bearer";
        return Problems.Single(http, StatusCodes.Status401Unauthorized, "not-signed-in");
    }

    public static IResult Forbidden(HttpContext http)
    {
        LogRefusal(http, "request");
        return Problems.Single(http, StatusCodes.Status403Forbidden, "not-allowed");
    }

    private static IResult ForbiddenPage(HttpContext http)
    {
        LogRefusal(http, "page");
        return RefusalPages.Refusal(http, StatusCodes.Status403Forbidden);
    }

    /// <summary>
    /// One line per refusal of a signed-in user, for a request or a page (by a policy, or because the API refused what
    /// the page asked for them): who, with which tenant and administrations, asked for what.
    /// </summary>
    public static void LogRefusal(HttpContext http, string what)
    {
        var scope = http.ScopeOf();
        Log(http).LogWarning("Refused {What} {Method} {Path}{Query} to {User} (tenant {Tenant}, administrations {Administrations})",
            what, http.Request.Method, http.Request.Path, http.Request.QueryString, scope.Name, scope.Tenant, string.Join(",", scope.Administrations));
    }

    private static ILogger Log(HttpContext http) => http.RequestServices.GetRequiredService<ILogger<AccessDenied>>();
}
