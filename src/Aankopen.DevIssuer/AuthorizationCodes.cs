using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace Aankopen.DevIssuer;

/// <summary>
/// The authorization-code flow's codes: one use each, valid for a minute, bound to the client, its redirect address
/// and its PKCE challenge, as an identity provider must; a web application signing in here goes through the same
/// steps as against the town hall's.
/// </summary>
public sealed class AuthorizationCodes(TimeProvider clock)
{
    public sealed record Grant(Persona Persona, string ClientId, string RedirectUri, string? Nonce, string? CodeChallenge, DateTimeOffset Expires);

    private readonly ConcurrentDictionary<string, Grant> grants = new();

    public string Issue(Persona persona, string clientId, string redirectUri, string? nonce, string? codeChallenge)
    {
        var code = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        grants[code] = new Grant(persona, clientId, redirectUri, nonce, codeChallenge, clock.GetUtcNow().AddMinutes(1));
        return code;
    }

    /// <returns>The grant, or why the code is refused (OAuth error description).</returns>
    public (Grant? Grant, string? Error) Redeem(string? code, string? clientId, string? redirectUri, string? codeVerifier)
    {
        if (code is null || !grants.TryRemove(code, out var grant))
            return (null, "unknown or already used code");
        if (grant.Expires < clock.GetUtcNow())
            return (null, "the code expired");
        if (grant.ClientId != clientId || grant.RedirectUri != redirectUri)
            return (null, "client_id or redirect_uri differ from the authorization request");
        if (grant.CodeChallenge is { } challenge
            && (codeVerifier is null || Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(codeVerifier))) != challenge))
            return (null, "code_verifier does not match the code_challenge");
        return (grant, null);
    }
}
