using System.Net;
using System.Security.Claims;
using Aankopen.Contracts.Api.V1;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Aankopen.DevIssuer;

/// <summary>
/// The local development issuer that the run command and the tests start: OpenID Connect discovery, its keys, and a
/// token endpoint that signs any user with any roles. It only listens on loopback addresses and no production
/// configuration names it; a real deployment points <c>Authentication:Authority</c> at the town hall's identity
/// provider instead.
/// </summary>
public sealed class Program
{
    private Program() { }

    public static async Task<int> Main(string[] args)
    {
        var app = Build(args);
        // Checked before the server listens: once it does, anyone who reaches it can have a token signed.
        if (NonLoopbackAddresses(app.Configuration).FirstOrDefault() is { } open)
            return Refuse(open);
        await app.StartAsync();
        // And what the server actually bound, in case a setting this check does not know of widened it.
        if (!ListensOnLoopbackOnly(app))
        {
            await app.StopAsync();
            return Refuse(string.Join(", ", app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses));
        }
        await app.WaitForShutdownAsync();
        return 0;
    }

    private static int Refuse(string address)
    {
        Console.Error.WriteLine($"Aankopen dev issuer refuses to run on {address}: it signs any token it is asked for, so it only listens on loopback addresses (--urls=http://127.0.0.1:PORT).");
        return 2;
    }

    /// <summary>
    /// The addresses the configuration asks the server to listen on that are not loopback: <c>urls</c>, Kestrel's
    /// endpoints, and <c>HTTP_PORTS</c>/<c>HTTPS_PORTS</c> (which listen on every address when no <c>urls</c> is set).
    /// </summary>
    public static IEnumerable<string> NonLoopbackAddresses(IConfiguration configuration)
    {
        var urls = (configuration["urls"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        urls.AddRange(configuration.GetSection("Kestrel:Endpoints").GetChildren().Select(e => e["Url"]).OfType<string>());
        if (configuration["urls"] is not { Length: > 0 })
            foreach (var ports in new[] { configuration["http_ports"], configuration["https_ports"] })
                urls.AddRange((ports ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(p => $"http://+:{p}"));
        return urls.Where(u => !IsLoopbackBinding(u));
    }

    /// <param name="overrides">Services to replace (a test's clock).</param>
    public static WebApplication Build(string[] args, Action<IServiceCollection>? overrides = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddSingleton<SigningKey>();
        builder.Services.AddSingleton<AuthorizationCodes>();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddProblemDetails();
        var lifetime = TimeSpan.FromMinutes(builder.Configuration.GetValue("Issuer:TokenMinutes", 480.0));
        // A web application's sign-in: short access tokens, renewed with a refresh token for a working day at most.
        var lifetimes = new SignInLifetimes(TimeSpan.FromMinutes(builder.Configuration.GetValue("Issuer:SignInTokenMinutes", 10.0)),
            TimeSpan.FromMinutes(builder.Configuration.GetValue("Issuer:SessionMinutes", 480.0)));
        overrides?.Invoke(builder.Services);

        var app = builder.Build();
        app.UseExceptionHandler();
        app.MapGet("/", () => Results.Text(
            "Aankopen ontwikkelingsuitgever / émetteur de développement: POST /token {\"user\":\"...\",\"roles\":[\"purchasing-cell\"],\"administrations\":[\"OCMW\"]}. "
            + "Enkel voor demo's en tests. / Uniquement pour démos et tests.", "text/plain; charset=utf-8"));
        app.MapGet("/.well-known/openid-configuration", (HttpContext http) =>
        {
            var issuer = IssuerOf(http);
            return Results.Json(new Dictionary<string, object>
            {
                ["issuer"] = issuer,
                ["jwks_uri"] = $"{issuer}/jwks",
                ["token_endpoint"] = $"{issuer}/token",
                ["authorization_endpoint"] = $"{issuer}/authorize",
                ["end_session_endpoint"] = $"{issuer}/logout",
                ["id_token_signing_alg_values_supported"] = Discovery.SigningAlgorithms,
                ["response_types_supported"] = Discovery.ResponseTypes,
                ["grant_types_supported"] = Discovery.GrantTypes,
                ["code_challenge_methods_supported"] = Discovery.ChallengeMethods,
                ["scopes_supported"] = Discovery.Scopes,
                ["subject_types_supported"] = Discovery.SubjectTypes,
            });
        });
        app.MapGet("/jwks", (SigningKey key) => Results.Json(new { keys = new[] { key.Jwk() } }));
        // Scripts and the demo's client credentials-free sign-in: JSON {user, roles, ...} gives an access token at once.
        // A web application's sign-in: the authorization-code flow with PKCE (form body, grant_type=authorization_code).
        app.MapPost("/token", async (HttpContext http, SigningKey key, TimeProvider clock, AuthorizationCodes codes) =>
        {
            if (http.Request.HasFormContentType)
                return await FormGrantAsync(http, await http.Request.ReadFormAsync(), key, clock, codes, lifetimes);
            var request = await http.Request.ReadFromJsonAsync<DevTokenRequest>();
            if (request is null || string.IsNullOrWhiteSpace(request.User) || request.Roles is null)
                return Results.Problem(statusCode: 400, title: "user en roles ontbreken / user et roles manquent",
                    detail: "Stuur {\"user\":\"naam\",\"roles\":[...]} / Envoyez {\"user\":\"nom\",\"roles\":[...]}.");
            var token = Sign(http, key, clock, lifetime, request.Audience ?? Access.DefaultAudience,
                Claims(request.User, request.Roles, request.Administrations, request.Tenant));
            return Results.Ok(new DevTokenResponse(token, "Bearer", (int)lifetime.TotalSeconds));
        });
        app.MapGet("/authorize", (HttpContext http, IConfiguration configuration) => SignInPage.Show(http.Request.Query, Persona.From(configuration)));
        app.MapPost("/authorize", async (HttpContext http, IConfiguration configuration, AuthorizationCodes codes) =>
        {
            var form = await http.Request.ReadFormAsync();
            var persona = Persona.From(configuration).FirstOrDefault(p => p.User == form["persona"]);
            var redirect = form["redirect_uri"].ToString();
            if (persona is null || string.IsNullOrEmpty(form["client_id"]) || !IsLoopbackAddress(redirect))
                return Results.Problem(statusCode: 400, title: "Ongeldige aanmelding / Connexion invalide",
                    detail: "Kies een persoon; client_id en een redirect_uri op deze machine zijn nodig. / Choisissez une personne ; client_id et une redirect_uri sur cette machine sont nécessaires.");
            var code = codes.Issue(persona, form["client_id"]!, redirect, NullIfEmpty(form["nonce"]), NullIfEmpty(form["code_challenge"]));
            var back = Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(redirect,
                new Dictionary<string, string?> { ["code"] = code, ["state"] = NullIfEmpty(form["state"]), ["iss"] = IssuerOf(http) });
            return Results.Redirect(back);
        });
        // Signing out here forgets nothing (there is no session); it only sends the browser back.
        app.MapGet("/logout", (string? post_logout_redirect_uri, string? state) =>
            IsLoopbackAddress(post_logout_redirect_uri)
                ? Results.Redirect(Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(post_logout_redirect_uri!, "state", state ?? ""))
                : Results.Text("Afgemeld. / Déconnecté.", "text/plain; charset=utf-8"));
        return app;
    }

    internal static string IssuerOf(HttpContext http) => $"{http.Request.Scheme}://{http.Request.Host}";

    private static async Task<IResult> FormGrantAsync(
        HttpContext http, IFormCollection form, SigningKey key, TimeProvider clock, AuthorizationCodes codes, SignInLifetimes lifetimes)
    {
        switch (form["grant_type"].ToString())
        {
            case "authorization_code":
                var (grant, error) = codes.Redeem(NullIfEmpty(form["code"]), NullIfEmpty(form["client_id"]), NullIfEmpty(form["redirect_uri"]), NullIfEmpty(form["code_verifier"]));
                if (grant is null)
                    return Results.Json(new { error = "invalid_grant", error_description = error }, statusCode: 400);
                var p = grant.Persona;
                var claims = Claims(p.User, p.Roles, p.Administrations, p.Tenant);
                // The ID token tells the web application who signed in; the session it starts ends with the refresh token.
                var identity = Sign(http, key, clock, lifetimes.Access, grant.ClientId,
                    grant.Nonce is { } nonce ? [.. claims, new Claim("nonce", nonce)] : claims);
                return Tokens(http, key, clock, lifetimes, claims, clock.GetUtcNow() + lifetimes.Session, identity);
            case "refresh_token":
                var refreshed = await RefreshTokens.ValidateAsync(NullIfEmpty(form["refresh_token"]), IssuerOf(http), key, clock);
                if (refreshed.Claims is null)
                    return Results.Json(new { error = "invalid_grant", error_description = refreshed.Error }, statusCode: 400);
                return Tokens(http, key, clock, lifetimes, refreshed.Claims, refreshed.SessionEnds, null);
            default:
                return Results.Json(new { error = "unsupported_grant_type" }, statusCode: 400);
        }
    }

    /// <summary>
    /// An access token for the API (its audience) and a refresh token for the rest of the session, which never outlives
    /// <paramref name="sessionEnds"/>: renewing does not prolong it.
    /// </summary>
    private static IResult Tokens(HttpContext http, SigningKey key, TimeProvider clock, SignInLifetimes lifetimes, IReadOnlyList<Claim> claims,
        DateTimeOffset sessionEnds, string? identity)
    {
        var access = lifetimes.Access < sessionEnds - clock.GetUtcNow() ? lifetimes.Access : sessionEnds - clock.GetUtcNow();
        var body = new Dictionary<string, object>
        {
            ["access_token"] = Sign(http, key, clock, access, Access.DefaultAudience, claims),
            ["refresh_token"] = RefreshTokens.Sign(IssuerOf(http), key, clock, claims, sessionEnds),
            ["token_type"] = "Bearer",
            ["expires_in"] = (int)access.TotalSeconds,
        };
        if (identity is not null)
            body["id_token"] = identity;
        return Results.Json(body);
    }

    private static List<Claim> Claims(string user, IEnumerable<string> roles, IEnumerable<string>? administrations, string? tenant)
    {
        var claims = new List<Claim> { new(JwtRegisteredClaimNames.Sub, user), new(Access.NameClaim, user) };
        claims.AddRange(roles.Select(r => new Claim(Access.RoleClaim, r)));
        claims.AddRange((administrations ?? []).Select(a => new Claim(Access.AdministrationClaim, a)));
        if (tenant is { Length: > 0 })
            claims.Add(new Claim(Access.TenantClaim, tenant));
        return claims;
    }

    private static string Sign(HttpContext http, SigningKey key, TimeProvider clock, TimeSpan lifetime, string audience, IEnumerable<Claim> claims)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = IssuerOf(http),
            Audience = audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now,
            NotBefore = now,
            Expires = now + lifetime,
            SigningCredentials = key.Credentials,
        });
    }

    private static string? NullIfEmpty(Microsoft.Extensions.Primitives.StringValues value) => string.IsNullOrEmpty(value) ? null : value.ToString();

    /// <summary>This issuer signs anyone in, so it only sends browsers back to this machine.</summary>
    private static bool IsLoopbackAddress(string? address) =>
        Uri.TryCreate(address, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
        && (uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip)));

    private static bool ListensOnLoopbackOnly(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.All(IsLoopbackBinding);

    /// <summary>A listening address (<c>*</c> and <c>+</c> meaning every address) that only this machine can reach.</summary>
    private static bool IsLoopbackBinding(string address) => IsLoopbackAddress(address.Replace("://*", "://0.0.0.0").Replace("://+", "://0.0.0.0"));
}

/// <summary>The fixed lists of the discovery document.</summary>
internal static class Discovery
{
    public static readonly string[] SigningAlgorithms = [SecurityAlgorithms.RsaSha256];
    public static readonly string[] ResponseTypes = ["code", "token"];
    public static readonly string[] GrantTypes = ["authorization_code", "refresh_token"];
    public static readonly string[] ChallengeMethods = ["S256"];
    public static readonly string[] Scopes = ["openid", "profile", "offline_access"];
    public static readonly string[] SubjectTypes = ["public"];
}
