using System.Net;
using Aankopen.Contracts.Api.V1;

namespace Aankopen.Edge.Security;

/// <summary>
/// <c>Authentication:*</c>: the identity provider whose bearer tokens the API accepts. There is no way to run
/// without one; the demo and the tests start a local development issuer and name it here.
/// </summary>
/// <remarks>
/// <c>ClientId</c> is the web application's client id at the identity provider (<c>Authentication:ClientId</c>,
/// default <c>aankopen-web</c>); <c>ClientSecret</c> when the provider wants one; <c>Scopes</c> (default
/// <c>openid profile offline_access</c>) plus whatever scope gives tokens for <see cref="Audience"/>. A page session lasts
/// <c>SessionHours</c> (default 8) at most, renewing its access token with the refresh token meanwhile.
/// </remarks>
public sealed record AuthenticationSettings(Uri Authority, string Audience, string NameClaim, string RoleClaim, string AdministrationClaim, string TenantClaim)
{
    public string ClientId { get; init; } = "aankopen-web";
    public string? ClientSecret { get; init; }
    public IReadOnlyList<string> Scopes { get; init; } = ["openid", "profile", "offline_access"];
    public TimeSpan Session { get; init; } = TimeSpan.FromHours(8);

    /// <summary>
    /// Discovery over plain HTTP only from the machine itself (the development issuer); anything else must be HTTPS,
    /// so that nobody between the API and the identity provider can hand the API keys of their own.
    /// </summary>
    public bool RequireHttpsMetadata => !(Authority.IsLoopback || (IPAddress.TryParse(Authority.Host, out var ip) && IPAddress.IsLoopback(ip)));

    public static AuthenticationSettings Read(IConfiguration configuration)
    {
        var section = configuration.GetSection("Authentication");
        var authority = section["Authority"];
        if (!Uri.TryCreate(authority, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
            throw new InvalidOperationException(
                $"Authentication:Authority is '{authority}'; set it to the OpenID Connect issuer whose tokens the API accepts "
                + "(e.g. https://login.jette.example/realms/aankopen; its /.well-known/openid-configuration must be reachable).");
        var settings = new AuthenticationSettings(uri, section["Audience"] ?? Access.DefaultAudience,
            section["NameClaim"] ?? Access.NameClaim, section["RoleClaim"] ?? Access.RoleClaim,
            section["AdministrationClaim"] ?? Access.AdministrationClaim, section["TenantClaim"] ?? Access.TenantClaim)
        {
            ClientId = section["ClientId"] is { Length: > 0 } client ? client : "aankopen-web",
            ClientSecret = section["ClientSecret"] is { Length: > 0 } secret ? secret : null,
            Scopes = (section["Scopes"] ?? "openid profile offline_access").Split(' ', StringSplitOptions.RemoveEmptyEntries),
            Session = TimeSpan.FromHours(section.GetValue("SessionHours", 8.0)),
        };
        if (settings.Session < TimeSpan.FromMinutes(5) || settings.Session > TimeSpan.FromHours(24))
            throw new InvalidOperationException($"Authentication:SessionHours is {section["SessionHours"]}; use 0.1 to 24 (a working day is 8).");
        if (!settings.Scopes.Contains("openid"))
            throw new InvalidOperationException($"Authentication:Scopes is '{section["Scopes"]}'; it must include openid (e.g. 'openid profile aankopen').");
        if (settings.RequireHttpsMetadata && uri.Scheme != "https")
            throw new InvalidOperationException(
                $"Authentication:Authority is '{authority}'; an issuer on another machine must be reached over https.");
        if (string.IsNullOrWhiteSpace(settings.Audience))
            throw new InvalidOperationException("Authentication:Audience is empty; set it to the audience the identity provider puts in tokens for this API (default aankopen).");
        return settings;
    }
}
