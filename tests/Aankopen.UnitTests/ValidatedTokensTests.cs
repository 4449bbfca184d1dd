using System.Security.Claims;
using System.Security.Cryptography;
using Aankopen.Edge.Security;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Shouldly;

namespace Aankopen.UnitTests;

/// <summary>A bearer token is checked once and then remembered, never longer than it is valid or than five minutes.</summary>
public sealed class ValidatedTokensTests
{
    private const string Issuer = "https://login.example/realms/aankopen";
    private readonly FakeTimeProvider clock = new(DateTimeOffset.UtcNow);
    private readonly RsaSecurityKey key = new(RSA.Create(2048)) { KeyId = "current" };
    private readonly RsaSecurityKey otherKey = new(RSA.Create(2048)) { KeyId = "current" };
    private readonly ValidatedTokens tokens;

    public ValidatedTokensTests() => tokens = new ValidatedTokens(clock) { MapInboundClaims = false };

    private string Token(TimeSpan validFor) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = Issuer,
        Audience = "aankopen",
        Subject = new ClaimsIdentity([new Claim("preferred_username", "an@ocmw.example"), new Claim("administrations", "OCMW")]),
        NotBefore = clock.GetUtcNow().UtcDateTime.AddMinutes(-1),
        IssuedAt = clock.GetUtcNow().UtcDateTime.AddMinutes(-1),
        Expires = clock.GetUtcNow().UtcDateTime.Add(validFor),
        SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
    });

    /// <summary>As the API checks them, but with the key the identity provider publishes passed in.</summary>
    private static TokenValidationParameters Checking(SecurityKey signedBy) => new()
    {
        ValidIssuer = Issuer,
        ValidAudience = "aankopen",
        IssuerSigningKey = signedBy,
        NameClaimType = "preferred_username",
        ClockSkew = TimeSpan.Zero,
    };

    [Fact]
    public async Task A_token_that_passed_is_not_checked_again_within_five_minutes()
    {
        var token = Token(TimeSpan.FromHours(1));

        var first = await tokens.ValidateTokenAsync(token, Checking(key));
        clock.Advance(ValidatedTokens.Lifetime - TimeSpan.FromSeconds(1));
        // Checked again, it would fail: the key no longer matches. Remembered, it passes.
        var second = await tokens.ValidateTokenAsync(token, Checking(otherKey));

        first.IsValid.ShouldBeTrue();
        second.IsValid.ShouldBeTrue();
        second.ClaimsIdentity.Name.ShouldBe("an@ocmw.example");
        second.ClaimsIdentity.FindFirst("administrations")!.Value.ShouldBe("OCMW");
        // Each request gets its own copy: a claim one request adds stays with it.
        second.ClaimsIdentity.ShouldNotBeSameAs(first.ClaimsIdentity);
        second.ClaimsIdentity.AddClaim(new Claim("added", "by one request"));
        (await tokens.ValidateTokenAsync(token, Checking(otherKey))).ClaimsIdentity.FindFirst("added").ShouldBeNull();
        tokens.Remembered.ShouldBe(1);
    }

    [Fact]
    public async Task After_five_minutes_the_token_is_checked_again()
    {
        var token = Token(TimeSpan.FromHours(1));
        (await tokens.ValidateTokenAsync(token, Checking(key))).IsValid.ShouldBeTrue();

        clock.Advance(ValidatedTokens.Lifetime);

        (await tokens.ValidateTokenAsync(token, Checking(otherKey))).IsValid.ShouldBeFalse();
        tokens.Remembered.ShouldBe(0);
    }

    [Fact]
    public async Task A_token_that_expires_sooner_is_remembered_only_until_it_expires()
    {
        var token = Token(TimeSpan.FromMinutes(2));
        (await tokens.ValidateTokenAsync(token, Checking(key))).IsValid.ShouldBeTrue();

        clock.Advance(TimeSpan.FromMinutes(1));
        (await tokens.ValidateTokenAsync(token, Checking(otherKey))).IsValid.ShouldBeTrue();
        clock.Advance(TimeSpan.FromMinutes(1));

        (await tokens.ValidateTokenAsync(token, Checking(otherKey))).IsValid.ShouldBeFalse();
    }

    [Fact]
    public async Task A_refused_token_is_not_remembered()
    {
        var token = Token(TimeSpan.FromHours(1));

        (await tokens.ValidateTokenAsync(token, Checking(otherKey))).IsValid.ShouldBeFalse();

        tokens.Remembered.ShouldBe(0);
        (await tokens.ValidateTokenAsync(token, Checking(key))).IsValid.ShouldBeTrue();
        (await tokens.ValidateTokenAsync(token + "x", Checking(key))).IsValid.ShouldBeFalse();
        tokens.Remembered.ShouldBe(1);
    }
}
