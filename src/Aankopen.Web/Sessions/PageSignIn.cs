using Aankopen.Edge.Http;
using Aankopen.Edge.Security;

namespace Aankopen.Web.Sessions;

/// <summary>
/// How people sign in to the pages: through the identity provider (OpenID Connect, authorization code with PKCE),
/// then carried by a session cookie. The session itself (with their tokens) is kept server-side
/// (<see cref="PageSessions"/>), so signing out ends it for good; its access token is renewed with the refresh token
/// (<see cref="SessionRenewal"/>).
/// </summary>
public static class PageSignIn
{
    public static void Add(IServiceCollection services, AuthenticationSettings settings)
    {
        var authority = settings.Authority.ToString().TrimEnd('/');
        KeyRing.Use(services);
        PageSessions.Use(services, settings.Session);
        services.AddSingleton<SignIn.PagesServedHere>();
        services.AddAuthentication(SignIn.Cookie)
            .AddCookie(SignIn.Cookie, o =>
            {
                o.Cookie.Name = "aankopen.session";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = settings.Session;
                o.SlidingExpiration = false;
                o.ForwardChallenge = SignIn.Oidc;
                o.Events.OnSigningIn = context => SessionRenewal.BeginAsync(context, settings.Session);
                o.Events.OnValidatePrincipal = context => SessionRenewal.ValidateAsync(context, settings.Session);
            })
            .AddOpenIdConnect(SignIn.Oidc, o =>
            {
                o.Authority = authority;
                o.ClientId = settings.ClientId;
                o.ClientSecret = settings.ClientSecret;
                o.RequireHttpsMetadata = settings.RequireHttpsMetadata;
                o.ResponseType = "code";
                o.ResponseMode = "query";
                o.UsePkce = true;
                o.SaveTokens = true;
                o.SignInScheme = SignIn.Cookie;
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
                    context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(PageSignIn))
                        .LogWarning("A sign-in callback was refused: {Reason}", context.Failure?.Message);
                    await RefusalPages.Refusal(context.HttpContext, StatusCodes.Status401Unauthorized).ExecuteAsync(context.HttpContext);
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
