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
        await app.StartAsync();
        if (!ListensOnLoopbackOnly(app))
        {
            await Console.Error.WriteLineAsync("Aankopen dev issuer refuses to run: it signs any token it is asked for, so it only listens on loopback addresses (--urls=http://127.0.0.1:PORT).");
            await app.StopAsync();
            return 2;
        }
        await app.WaitForShutdownAsync();
        return 0;
    }

    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddSingleton<SigningKey>();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddProblemDetails();
        var lifetime = TimeSpan.FromMinutes(builder.Configuration.GetValue("Issuer:TokenMinutes", 480.0));

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
                ["id_token_signing_alg_values_supported"] = new[] { SecurityAlgorithms.RsaSha256 },
                ["response_types_supported"] = new[] { "token" },
                ["subject_types_supported"] = new[] { "public" },
            });
        });
        app.MapGet("/jwks", (SigningKey key) => Results.Json(new { keys = new[] { key.Jwk() } }));
        app.MapPost("/token", (HttpContext http, DevTokenRequest request, SigningKey key, TimeProvider clock) =>
        {
            if (string.IsNullOrWhiteSpace(request.User) || request.Roles is null)
                return Results.Problem(statusCode: 400, title: "user en roles ontbreken / user et roles manquent",
                    detail: "Stuur {\"user\":\"naam\",\"roles\":[...]} / Envoyez {\"user\":\"nom\",\"roles\":[...]}.");
            var claims = new List<Claim>
            {
                new(JwtRegisteredClaimNames.Sub, request.User),
                new(Access.NameClaim, request.User),
            };
            claims.AddRange(request.Roles.Select(r => new Claim(Access.RoleClaim, r)));
            claims.AddRange((request.Administrations ?? []).Select(a => new Claim(Access.AdministrationClaim, a)));
            if (request.Tenant is { Length: > 0 } tenant)
                claims.Add(new Claim(Access.TenantClaim, tenant));
            var now = clock.GetUtcNow().UtcDateTime;
            var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
            {
                Issuer = IssuerOf(http),
                Audience = request.Audience ?? Access.DefaultAudience,
                Subject = new ClaimsIdentity(claims),
                IssuedAt = now, NotBefore = now, Expires = now + lifetime,
                SigningCredentials = key.Credentials,
            });
            return Results.Ok(new DevTokenResponse(token, "Bearer", (int)lifetime.TotalSeconds));
        });
        return app;
    }

    private static string IssuerOf(HttpContext http) => $"{http.Request.Scheme}://{http.Request.Host}";

    private static bool ListensOnLoopbackOnly(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.All(a =>
        {
            var host = new Uri(a.Replace("*", "0.0.0.0").Replace("+", "0.0.0.0")).Host;
            return host == "localhost" || (IPAddress.TryParse(host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
        });
}
