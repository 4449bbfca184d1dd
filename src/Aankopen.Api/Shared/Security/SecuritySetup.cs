using Aankopen.Api.Infrastructure;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;

namespace Aankopen.Api.Shared.Security;

public static class SecuritySetup
{
    /// <summary>Bearer tokens from the configured identity provider, the policies, and the request limits.</summary>
    public static IServiceCollection AddAankopenSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = StartupException.Checked(() => AuthenticationSettings.Read(configuration));
        var limits = StartupException.Checked(() => RequestLimits.Read(configuration));
        services.AddSingleton(settings);
        services.AddSingleton(limits);
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(o =>
        {
            o.Authority = settings.Authority.ToString().TrimEnd('/');
            o.Audience = settings.Audience;
            o.RequireHttpsMetadata = settings.RequireHttpsMetadata;
            // Claim names as the token has them: no renaming to long SOAP-era URIs.
            o.MapInboundClaims = false;
            o.TokenValidationParameters.NameClaimType = settings.NameClaim;
            o.TokenValidationParameters.RoleClaimType = settings.RoleClaim;
            o.TokenValidationParameters.ClockSkew = TimeSpan.FromMinutes(1);
        });
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
        app.UseRateLimiter();
        return app;
    }
}
