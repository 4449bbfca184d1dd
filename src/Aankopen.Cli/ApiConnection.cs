using System.Net.Http.Headers;
using Aankopen.Client;
using Aankopen.Contracts.Api.V1;
using Refit;

namespace Aankopen.Cli;

/// <summary>
/// Where the API is and who calls it. A token from the town hall's identity provider (<c>--token</c> or
/// <c>AANKOPEN_TOKEN</c>); for the demo, <c>--dev-issuer</c> signs in as <c>--user</c> with <c>--role</c>.
/// </summary>
internal sealed record ApiConnection(Uri Api, string? Token, Uri? DevIssuer, string User, string[] Roles, string[] Administrations, string? Tenant, Texts Texts)
{
    /// <summary>An operator's command sent to <c>--api</c> for want of <c>--worker</c>: a refusal then says where to send it.</summary>
    public bool WorkerMissing { get; init; }

    public IAankopenApi Client(HttpMessageHandler? inner = null)
    {
        HttpMessageHandler handler = DevIssuer is { } issuer
            ? new DevIssuerTokens(issuer, user => new DevTokenRequest(user, Roles, Administrations, Tenant: Tenant), User, inner)
            : new BearerToken(Token, inner ?? new HttpClientHandler());
        var http = new HttpClient(handler) { BaseAddress = Api, Timeout = TimeSpan.FromMinutes(10) };
        // Problems come back in the reader's language.
        http.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue(Texts.Language));
        return RestService.ForGenerated<IAankopenApi>(http);
    }

    private sealed class BearerToken(string? token, HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            request.Headers.Remove(Headers.Actor);
            if (token is { Length: > 0 })
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return base.SendAsync(request, ct);
        }
    }
}
