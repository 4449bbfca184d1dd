using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace Aankopen.DevIssuer;

/// <summary>
/// A fresh RSA key for each run: tokens from an earlier run, or from any other issuer, never validate. Nothing is
/// written to disk, so there is no secret to leak.
/// </summary>
public sealed class SigningKey : IDisposable
{
    private readonly RSA rsa = RSA.Create(2048);

    public SigningKey() => Key = new RsaSecurityKey(rsa) { KeyId = Convert.ToHexString(RandomNumberGenerator.GetBytes(8)).ToLowerInvariant() };

    public RsaSecurityKey Key { get; }

    public SigningCredentials Credentials => new(Key, SecurityAlgorithms.RsaSha256);

    /// <summary>The public half, as a JSON Web Key Set member.</summary>
    public object Jwk()
    {
        var p = rsa.ExportParameters(includePrivateParameters: false);
        return new
        {
            kty = "RSA",
            use = "sig",
            alg = SecurityAlgorithms.RsaSha256,
            kid = Key.KeyId,
            n = Base64UrlEncoder.Encode(p.Modulus),
            e = Base64UrlEncoder.Encode(p.Exponent),
        };
    }

    public void Dispose() => rsa.Dispose();
}
