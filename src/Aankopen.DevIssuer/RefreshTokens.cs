using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Aankopen.DevIssuer;

/// <summary>How long a web application's sign-in lasts: its access tokens, and the session the refresh token carries.</summary>
public sealed record SignInLifetimes(TimeSpan Access, TimeSpan Session);

/// <summary>
/// Refresh tokens, signed like the others but for this issuer only (its own address as audience, and a
/// <c>token_use</c> of refresh), carrying the person's claims and the end of their session.
/// </summary>
public static class RefreshTokens
{
    private const string Use = "token_use";
    private static readonly HashSet<string> Registered = ["iss", "aud", "exp", "nbf", "iat", Use];

    public static string Sign(string issuer, SigningKey key, TimeProvider clock, IEnumerable<Claim> claims, DateTimeOffset sessionEnds)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = issuer,
            Subject = new ClaimsIdentity([.. claims, new Claim(Use, "refresh")]),
            IssuedAt = now,
            NotBefore = now,
            Expires = sessionEnds.UtcDateTime,
            SigningCredentials = key.Credentials,
        });
    }

    public static async Task<(IReadOnlyList<Claim>? Claims, DateTimeOffset SessionEnds, string? Error)> ValidateAsync(
        string? token, string issuer, SigningKey key, TimeProvider clock)
    {
        if (token is null)
            return (null, default, "refresh_token is missing");
        var handler = new JsonWebTokenHandler { MapInboundClaims = false };
        var result = await handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = issuer,
            ValidAudience = issuer,
            IssuerSigningKey = key.Credentials.Key,
            // On this issuer's clock: a session ends when it says.
            LifetimeValidator = (_, expires, _, _) => expires is { } end && end > clock.GetUtcNow().UtcDateTime,
        });
        if (!result.IsValid || result.SecurityToken is not JsonWebToken jwt || !jwt.TryGetPayloadValue<string>(Use, out var use) || use != "refresh")
            return (null, default, "the refresh token is not valid (expired, or not one of this issuer's)");
        return ([.. jwt.Claims.Where(c => !Registered.Contains(c.Type))], new DateTimeOffset(jwt.ValidTo, TimeSpan.Zero), null);
    }
}
