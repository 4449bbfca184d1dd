using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;

namespace Aankopen.Edge.Security;

/// <summary>
/// Two ways in, one set of policies. Programs call the API with a bearer token from the identity provider; people use
/// the web application, signed in through the same provider and carried by a session cookie (it adds those schemes,
/// and <see cref="PagesServedHere"/>). The pages call the API with the person's own access token, so every rule is
/// checked once, in the API.
/// </summary>
public static class SignIn
{
    public const string Cookie = CookieAuthenticationDefaults.AuthenticationScheme;
    public const string Oidc = OpenIdConnectDefaults.AuthenticationScheme;

    /// <summary>Registered by the host that serves the pages: there a request without a token is a person's.</summary>
    public sealed class PagesServedHere;

    /// <summary>A program's request: any request to a host without the pages, the API's paths, or one that brings its own Authorization header.</summary>
    public static bool UsesBearer(HttpContext http) =>
        http.Request.Path.StartsWithSegments("/api") || http.Request.Headers.Authorization.Count > 0
        || http.RequestServices.GetService<PagesServedHere>() is null;

    /// <summary>The API's way in: bearer tokens of the identity provider, validated with the service's clock.</summary>
    public static void AddBearerSignIn(IServiceCollection services, AuthenticationSettings settings)
    {
        var authority = settings.Authority.ToString().TrimEnd('/');
        // Claim names as the token has them here too (the option below sets it on the handlers this replaces).
        services.AddSingleton(sp => new ValidatedTokens(sp.GetRequiredService<TimeProvider>()) { MapInboundClaims = false });
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme).Configure<ValidatedTokens>((o, tokens) =>
        {
            o.TokenHandlers.Clear();
            o.TokenHandlers.Add(tokens);
        });
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(o =>
            {
                o.Authority = authority;
                o.Audience = settings.Audience;
                o.RequireHttpsMetadata = settings.RequireHttpsMetadata;
                // Claim names as the token has them: no renaming to long SOAP-era URIs.
                o.MapInboundClaims = false;
                o.TokenValidationParameters.NameClaimType = settings.NameClaim;
                o.TokenValidationParameters.RoleClaimType = settings.RoleClaim;
                o.TokenValidationParameters.ClockSkew = TimeSpan.FromMinutes(1);
            });
    }
}
