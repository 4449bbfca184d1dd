using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;

namespace Aankopen.Api.Shared.Security;

/// <summary>
/// Two ways in, one set of policies. Programs call <c>/api</c> with a bearer token from the identity provider;
/// people use the pages, signed in through the same provider (OpenID Connect, authorization code with PKCE) and then
/// carried by a session cookie. The session itself (with their tokens) is kept server-side (<see cref="Web.Sessions.PageSessions"/>),
/// so signing out ends it for good; its access token is renewed with the refresh token (<see cref="Web.Sessions.SessionRenewal"/>).
/// The pages call the API with the person's own access token, so every rule is checked once, in the API.
/// </summary>
public static class SignIn
{
    public const string Either = "aankopen";
    public const string Cookie = CookieAuthenticationDefaults.AuthenticationScheme;
    public const string Oidc = OpenIdConnectDefaults.AuthenticationScheme;

    /// <summary>A program's request: the API, or anything that brings its own Authorization header.</summary>
    public static bool UsesBearer(HttpContext http) =>
        http.Request.Path.StartsWithSegments("/api") || http.Request.Headers.Authorization.Count > 0;

    public static AuthenticationBuilder AddAankopenSignIn(this IServiceCollection services, AuthenticationSettings settings)
    {
        var authority = settings.Authority.ToString().TrimEnd('/');
        // Claim names as the token has them here too (the option below sets it on the handlers this replaces).
        services.AddSingleton(sp => new ValidatedTokens(sp.GetRequiredService<TimeProvider>()) { MapInboundClaims = false });
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme).Configure<ValidatedTokens>((o, tokens) =>
        {
            o.TokenHandlers.Clear();
            o.TokenHandlers.Add(tokens);
        });
        Web.Sessions.KeyRing.Use(services);
        Web.Sessions.PageSessions.Use(services, settings.Session);
        return services.AddAuthentication(Either)
            .AddPolicyScheme(Either, null, o => o.ForwardDefaultSelector = http => UsesBearer(http) ? JwtBearerDefaults.AuthenticationScheme : Cookie)
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
            })
            .AddCookie(Cookie, o =>
            {
                o.Cookie.Name = "aankopen.session";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = settings.Session;
                o.SlidingExpiration = false;
                o.ForwardChallenge = Oidc;
                o.Events.OnSigningIn = context => Web.Sessions.SessionRenewal.BeginAsync(context, settings.Session);
                o.Events.OnValidatePrincipal = context => Web.Sessions.SessionRenewal.ValidateAsync(context, settings.Session);
            })
            .AddOpenIdConnect(Oidc, o =>
            {
                o.Authority = authority;
                o.ClientId = settings.ClientId;
                o.ClientSecret = settings.ClientSecret;
                o.RequireHttpsMetadata = settings.RequireHttpsMetadata;
                o.ResponseType = "code";
                o.ResponseMode = "query";
                o.UsePkce = true;
                o.SaveTokens = true;
                o.SignInScheme = Cookie;
                o.MapInboundClaims = false;
                o.GetClaimsFromUserInfoEndpoint = false;
                o.TokenValidationParameters.NameClaimType = settings.NameClaim;
                o.TokenValidationParameters.RoleClaimType = settings.RoleClaim;
                o.Scope.Clear();
                foreach (var scope in settings.Scopes)
                    o.Scope.Add(scope);
                o.SignedOutRedirectUri = ReturnAddresses.Overview;
                // Whatever started the sign-in, the browser only comes back to a page of this site.
                o.Events.OnTicketReceived = context =>
                {
                    context.ReturnUri = ReturnAddresses.Local(context.ReturnUri);
                    return Task.CompletedTask;
                };
                // A callback without a sign-in of this browser behind it (an old one, a forged one, the provider's
                // refusal): a page saying so, not a 500; the way back starts a new sign-in.
                o.Events.OnRemoteFailure = async context =>
                {
                    context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SignIn))
                        .LogWarning("A sign-in callback was refused: {Reason}", context.Failure?.Message);
                    var french = context.HttpContext.Request.Cookies[Web.Language.CookieName] == "fr";
                    await Results.Content(Web.Language.RefusalPage(StatusCodes.Status401Unauthorized, french), "text/html; charset=utf-8",
                        statusCode: StatusCodes.Status401Unauthorized).ExecuteAsync(context.HttpContext);
                    context.HandleResponse();
                };
                // Sign-out only by the person's own form (with its anti-forgery token): a link from another site to
                // the provider's front-channel sign-out address would otherwise sign them out.
                o.Events.OnRemoteSignOut = context =>
                {
                    context.Response.StatusCode = StatusCodes.Status404NotFound;
                    context.HandleResponse();
                    return Task.CompletedTask;
                };
            });
    }
}
