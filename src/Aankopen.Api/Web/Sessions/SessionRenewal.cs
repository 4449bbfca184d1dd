using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;

namespace Aankopen.Api.Web.Sessions;

/// <summary>
/// A session lasts a working day (<c>Authentication:SessionHours</c>), its access token only minutes: shortly before
/// the token ends, the session asks the identity provider for a new one with its refresh token. When the provider
/// refuses (the person was signed out there, or lost their rights), the session ends here too.
/// </summary>
public static class SessionRenewal
{
    /// <summary>How long before the access token ends it is renewed: a page's calls to the API must not meet an expired one.</summary>
    private static readonly TimeSpan Margin = TimeSpan.FromMinutes(1);

    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var http = context.HttpContext;
        var now = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        var known = DateTimeOffset.TryParse(context.Properties.GetTokenValue("expires_at"), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var expires);
        if (known && expires - Margin > now)
            return;
        var renewed = context.Properties.GetTokenValue("refresh_token") is { Length: > 0 } refresh ? await RefreshAsync(http, refresh, now) : null;
        // A provider that did not answer in the last minute of a token: the next request asks again.
        if (renewed is null && known && expires > now)
            return;
        if (renewed is null)
        {
            http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SessionRenewal))
                .LogInformation("A page session ended: its access token expired and the identity provider gave no new one");
            context.RejectPrincipal();
            await http.SignOutAsync(Shared.Security.SignIn.Cookie);
            return;
        }
        foreach (var (name, value) in renewed)
            context.Properties.UpdateTokenValue(name, value);
        context.ShouldRenew = true;
    }

    /// <returns>The tokens to keep (access, expiry, and a rotated refresh token if the provider sent one); null when refused.</returns>
    private static async Task<Dictionary<string, string>?> RefreshAsync(HttpContext http, string refreshToken, DateTimeOffset now)
    {
        var oidc = http.RequestServices.GetRequiredService<IOptionsMonitor<OpenIdConnectOptions>>().Get(Shared.Security.SignIn.Oidc);
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
