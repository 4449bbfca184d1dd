using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Aankopen.Edge.Security;

/// <summary>
/// Checks a bearer token once instead of on every request. A program sends the same token with hundreds of requests,
/// and verifying its RSA signature with the other checks took about a twelfth of the API's CPU per opt-in. A token
/// that passed is remembered by its exact text until it expires, and for <see cref="Lifetime"/> at most: an identity
/// provider's key that is withdrawn stops being honoured within that time. A refused token is never remembered, so
/// every try is checked again, and each request gets an identity of its own (a copy), so that nothing one request
/// adds to it reaches another.
/// </summary>
public sealed class ValidatedTokens(TimeProvider clock) : JsonWebTokenHandler
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    /// <summary>Far more tokens than a deployment's users and programs hold at once; beyond it, start afresh.</summary>
    public const int Capacity = 10_000;

    private sealed record Passed(ClaimsIdentity Identity, SecurityToken Token, DateTimeOffset Until);

    private readonly ConcurrentDictionary<string, Passed> passed = new(StringComparer.Ordinal);

    public int Remembered => passed.Count;

    public override async Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
    {
        var now = clock.GetUtcNow();
        if (passed.TryGetValue(token, out var known))
        {
            if (now < known.Until)
                return new TokenValidationResult { IsValid = true, ClaimsIdentity = known.Identity.Clone(), SecurityToken = known.Token };
            passed.TryRemove(token, out _);
        }

        var result = await base.ValidateTokenAsync(token, validationParameters);
        if (result is { IsValid: true, SecurityToken: { } validated, ClaimsIdentity: { } identity })
        {
            // ValidTo is in UTC; a token without an expiry (refused by default anyway) is not remembered.
            var expires = validated.ValidTo == DateTime.MinValue ? now : new DateTimeOffset(DateTime.SpecifyKind(validated.ValidTo, DateTimeKind.Utc));
            var until = expires < now + Lifetime ? expires : now + Lifetime;
            if (now < until)
            {
                if (passed.Count >= Capacity)
                    passed.Clear();
                passed[token] = new(identity.Clone(), validated, until);
            }
        }
        return result;
    }
}
