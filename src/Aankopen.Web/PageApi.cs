using System.Globalization;
using System.Net.Http.Headers;
using Aankopen.Client;
using Microsoft.AspNetCore.Authentication;
using Refit;

namespace Aankopen.Web;

/// <summary>
/// The pages' way to the API, with the signed-in person's own access token and language. Every rule, check and refusal
/// is the API's; a page only shows what it answers, refusals at their field. <c>Web:ApiAddress</c> says where the API
/// is (its replicas' service address).
/// </summary>
public sealed class PageApi(IHttpClientFactory clients, Uri address)
{
    public const string Client = "pages-api";
    public const string AddressSetting = "Web:ApiAddress";

    /// <summary>The API's base address, ending in a slash.</summary>
    public Uri Address { get; } = address;

    public IAankopenApi For(HttpContext http)
    {
        var client = clients.CreateClient(Client);
        client.BaseAddress = Address;
        return RestService.ForGenerated<IAankopenApi>(client);
    }

    /// <summary>The API's address from the settings, checked at start rather than at the first page.</summary>
    public static Uri AddressFrom(IConfiguration configuration) =>
        Uri.TryCreate(configuration[AddressSetting]?.TrimEnd('/') + "/", UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : throw new Edge.StartupException($"{AddressSetting} must be the API's absolute http or https address, e.g. http://aankopen-api; it is '{configuration[AddressSetting]}'.");
}

/// <summary>Adds the person's access token (kept in their session) and language to each of the pages' API calls.</summary>
public sealed class PersonsToken(IHttpContextAccessor accessor) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        request.Headers.Remove(Headers.Actor);
        if (accessor.HttpContext is { } http && await http.GetTokenAsync(Edge.Security.SignIn.Cookie, "access_token") is { } token)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.AcceptLanguage.Clear();
        request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue(CultureInfo.CurrentUICulture.Name));
        return await base.SendAsync(request, ct);
    }
}
