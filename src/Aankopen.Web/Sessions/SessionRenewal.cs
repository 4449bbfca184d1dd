using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;

namespace Aankopen.Web.Sessions;

/// <summary>
/// A session lasts a working day (<c>Authentication:SessionHours</c>) counted from the sign-in, however often it is
/// used, its access token only minutes: shortly before the token ends, the session asks the identity provider for a new
/// one with its refresh token. When the provider refuses (the person was signed out there, or lost their rights), or
/// the day is over, the session ends here too.
/// </summary>
public static class SessionRenewal
{
    /// <summary>How long before the access token ends it is renewed: a page's calls to the API must not meet an expired one.</summary>
    private static readonly TimeSpan Margin = TimeSpan.FromMinutes(1);

    private const string EndsKey = "aankopen.session-ends";

    /// <summary>At sign-in: when the session ends, whatever renews it later (the cookie handler moves its own expiry on each renewal).</summary>
    public static Task BeginAsync(CookieSigningInContext context, TimeSpan longest)
    {
        var now = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        context.Properties.Items[EndsKey] = (now + longest).ToString("o", CultureInfo.InvariantCulture);
        return Task.CompletedTask;
    }

    /// <summary>The end of the session these properties belong to (from when it was issued, for one older than this rule).</summary>
    public static DateTimeOffset EndOf(AuthenticationProperties properties, TimeSpan longest, DateTimeOffset now) =>
        properties.Items.TryGetValue(EndsKey, out var ends) && DateTimeOffset.TryParse(ends, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var end)
            ? end
            : (properties.IssuedUtc ?? now) + longest;

    public static async Task ValidateAsync(CookieValidatePrincipalContext context, TimeSpan longest)
    {
        var http = context.HttpContext;
        var now = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        if (EndOf(context.Properties, longest, now) <= now)
        {
            await EndAsync(context, "its longest time (Authentication:SessionHours) passed");
            return;
        }
        var known = DateTimeOffset.TryParse(context.Properties.GetTokenValue("expires_at"), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var expires);
        if (known && expires - Margin > now)
            return;
        var refresh = context.Properties.GetTokenValue("refresh_token");
        // A provider that said nothing of the token's lifetime and gave no refresh token: the session lasts its day.
        if (!known && refresh is not { Length: > 0 })
            return;
        var renewed = refresh is { Length: > 0 } ? await RefreshAsync(http, refresh, now) : null;
        // A provider that did not answer in the last minute of a token: the next request asks again.
        if (renewed is null && known && expires > now)
            return;
        if (renewed is null)
        {
            await EndAsync(context, "its access token expired and the identity provider gave no new one");
            return;
        }
        foreach (var (name, value) in renewed)
            context.Properties.UpdateTokenValue(name, value);
        context.ShouldRenew = true;
    }

    private static async Task EndAsync(CookieValidatePrincipalContext context, string why)
    {
        context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SessionRenewal))
            .LogInformation("A page session ended: {Why}", why);
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(Edge.Security.SignIn.Cookie);
    }

    /// <returns>The tokens to keep (access, expiry, and a rotated refresh token if the provider sent one); null when refused.</returns>
    private static async Task<Dictionary<string, string>?> RefreshAsync(HttpContext http, string refreshToken, DateTimeOffset now)
    {
        var oidc = http.RequestServices.GetRequiredService<IOptionsMonitor<OpenIdConnectOptions>>().Get(Edge.Security.SignIn.Oidc);
        try
        {
            var configuration = await oidc.ConfigurationManager!.GetConfigurationAsync(http.RequestAborted);
            var form = new Dictionary<string, string> { ["grant_type"] = "refresh_token", ["refresh_token"] = refreshToken, ["client_id"] = oidc.ClientId! };
            if (oidc.ClientSecret is { Length: > 0 } secret)
                form["client_secret"] = secret;
            using var response = await oidc.Backchannel.PostAsync(configuration.TokenEndpoint, new FormUrlEncodedContent(form), http.RequestAborted);
            if (!response.IsSuccessStatusCode)
                return null;
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(http.RequestAborted));
            var root = body.RootElement;
            if (!root.TryGetProperty("access_token", out var access) || access.GetString() is not { Length: > 0 } accessToken)
                return null;
            var lifetime = root.TryGetProperty("expires_in", out var seconds) && seconds.TryGetInt32(out var s) ? s : 300;
            var tokens = new Dictionary<string, string>
            {
                ["access_token"] = accessToken,
                ["expires_at"] = now.AddSeconds(lifetime).ToString("o", CultureInfo.InvariantCulture),
            };
            if (root.TryGetProperty("refresh_token", out var rotated) && rotated.GetString() is { Length: > 0 } next)
                tokens["refresh_token"] = next;
            return tokens;
        }
        catch (Exception e) when (e is HttpRequestException or JsonException or InvalidOperationException or TaskCanceledException)
        {
            return null;
        }
    }
}
