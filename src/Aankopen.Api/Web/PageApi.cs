using System.Globalization;
using System.Net.Http.Headers;
using Aankopen.Client;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Refit;

namespace Aankopen.Api.Web;

/// <summary>
/// The pages' way to the API: this very process, over loopback, with the signed-in person's own access token and
/// language. Every rule, check and refusal is the API's; a page only shows what it answers, refusals at their field.
/// <c>Web:ApiAddress</c> overrides where the API is reached (default: this process's own first address).
/// </summary>
public sealed class PageApi(IHttpClientFactory clients, IServer server, IConfiguration configuration)
{
    public const string Client = "pages-api";

    private Uri? own;

    public IAankopenApi For(HttpContext http)
    {
        var client = clients.CreateClient(Client);
        client.BaseAddress = own ??= OwnAddress();
        return RestService.ForGenerated<IAankopenApi>(client);
    }

    private Uri OwnAddress()
    {
        if (configuration["Web:ApiAddress"] is { Length: > 0 } configured)
            return new Uri(configured.TrimEnd('/') + "/");
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var address = addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.Ordinal)) ?? addresses.First();
        var uri = new Uri(address.Replace("://+", "://127.0.0.1").Replace("://*", "://127.0.0.1").Replace("://[::]", "://127.0.0.1").Replace("://0.0.0.0", "://127.0.0.1"));
        return new Uri($"{uri.Scheme}://{uri.Authority}/");
    }
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
