using Microsoft.AspNetCore.WebUtilities;

namespace Aankopen.IntegrationTests.Pages;

/// <summary>
/// The steps of a browser's sign-in, one request at a time, with its cookies kept here (whatever their Secure flag):
/// for tests of where each step sends the browser, and of what a kept cookie still opens.
/// </summary>
public sealed class SignInOverHttp : IDisposable
{
    private readonly HttpClient http = new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false });

    public Dictionary<string, string> Cookies { get; } = new(StringComparer.Ordinal);

    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)
    {
        if (Cookies.Count > 0)
            request.Headers.Add("Cookie", string.Join("; ", Cookies.Select(c => $"{c.Key}={c.Value}")));
        var response = await http.SendAsync(request, HttpCalls.Ct);
        foreach (var header in response.Headers.TryGetValues("Set-Cookie", out var set) ? set : [])
        {
            var pair = header.Split(';')[0];
            var (name, value) = (pair[..pair.IndexOf('=')], pair[(pair.IndexOf('=') + 1)..]);
            if (value.Length == 0 || header.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase))
                Cookies.Remove(name);
            else
                Cookies[name] = value;
        }
        return response;
    }

    public Task<HttpResponseMessage> GetAsync(Uri address) => SendAsync(new HttpRequestMessage(HttpMethod.Get, address));

    public Task<HttpResponseMessage> PostFormAsync(Uri address, IEnumerable<KeyValuePair<string, string>> form) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Post, address) { Content = new FormUrlEncodedContent(form) });

    /// <summary>
    /// Opens <paramref name="address"/> signed out, picks <paramref name="persona"/> on the identity provider's page and
    /// follows its answer back to the site: returns where the site then sends the browser (its answer to /signin-oidc).
    /// </summary>
    public async Task<HttpResponseMessage> SignInAsync(string address, string persona)
    {
        var challenge = await GetAsync(new Uri(address));
        var authorize = challenge.Headers.Location ?? throw new InvalidOperationException($"{address} answered {(int)challenge.StatusCode}, no sign-in");
        var form = QueryHelpers.ParseQuery(authorize.Query).Select(p => KeyValuePair.Create(p.Key, p.Value.ToString()))
            .Append(KeyValuePair.Create("persona", persona));
        var back = await PostFormAsync(new Uri(authorize.GetLeftPart(UriPartial.Path)), form);
        return await GetAsync(back.Headers.Location ?? throw new InvalidOperationException($"The issuer answered {(int)back.StatusCode}"));
    }

    /// <summary>The anti-forgery token of a page's form, for a post as that page would make it.</summary>
    public async Task<string> FormTokenAsync(Uri page)
    {
        var html = await (await GetAsync(page)).Content.ReadAsStringAsync(HttpCalls.Ct);
        return System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"").Groups[1].Value;
    }

    public static string? LocationOf(HttpResponseMessage response) => response.Headers.Location?.OriginalString;

    public void Dispose() => http.Dispose();
}
