using Microsoft.AspNetCore.Authorization;

namespace Aankopen.Edge.Security;

public static class SecuritySetup
{
    /// <summary>
    /// Sign-in through the configured identity provider, the policies, and the request limits. <paramref name="signIn"/>
    /// is the host's way in: bearer tokens for the API (<see cref="SignIn.AddBearerSignIn"/>), a session for the pages.
    /// </summary>
    public static IServiceCollection AddAankopenSecurity(this IServiceCollection services, IConfiguration configuration, Action<IServiceCollection, AuthenticationSettings> signIn)
    {
        var settings = StartupException.Checked(() => AuthenticationSettings.Read(configuration));
        var limits = StartupException.Checked(() => RequestLimits.Read(configuration));
        services.AddSingleton(settings);
        services.AddSingleton(limits);
        signIn(services, settings);
        services.AddAuthorization(Policies.Add);
        services.AddSingleton<IAuthorizationHandler, RouteAdministrationHandler>();
        services.AddSingleton<IAuthorizationHandler, KnownTenantHandler>();
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, AccessDenied>();
        limits.Configure(services);
        return services;
    }

    public static WebApplication UseAankopenSecurity(this WebApplication app)
    {
        app.UseSecurityHeaders();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseUnfitInputRefusal();
        app.UseRateLimiter();
        return app;
    }
}
