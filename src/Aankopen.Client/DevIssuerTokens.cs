using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Aankopen.Contracts.Api.V1;

namespace Aankopen.Client;

/// <summary>
/// For demos and tests against the local development issuer: signs each request in as the user its
/// <see cref="Headers.Actor"/> header names (or <paramref name="defaultUser"/>), with the roles and administrations
/// <paramref name="describe"/> gives that user, and removes the header. <see cref="Anonymous"/> sends no token at all.
/// A real client gets its token from the town hall's identity provider instead.
/// </summary>
public sealed class DevIssuerTokens(Uri issuer, Func<string, DevTokenRequest> describe, string defaultUser, HttpMessageHandler? inner = null)
    : DelegatingHandler(inner ?? new HttpClientHandler())
{
    public const string Anonymous = "(anonymous)";

    private readonly HttpClient tokens = new() { BaseAddress = issuer };
    private readonly ConcurrentDictionary<string, Task<string>> cache = new();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        var user = request.Headers.TryGetValues(Headers.Actor, out var named) ? named.First() : defaultUser;
        request.Headers.Remove(Headers.Actor);
        if (user != Anonymous && request.Headers.Authorization is null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await TokenFor(user));
        return await base.SendAsync(request, ct);
    }

    /// <summary>A token per user, fetched once: the issuer's tokens outlive any demo or test run.</summary>
    public Task<string> TokenFor(string user) => cache.GetOrAdd(user, async u =>
    {
        var response = await tokens.PostAsJsonAsync("token", describe(u));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<DevTokenResponse>())!.AccessToken;
    });

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            tokens.Dispose();
        base.Dispose(disposing);
    }
}
