using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Shouldly;

namespace Aankopen.IntegrationTests;

/// <summary>Raw HTTP for the tests that send what the typed client would never send.</summary>
public static class HttpCalls
{
    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static HttpRequestMessage Write(
        HttpMethod method, string path, object? body, string? ifMatch, string? actor = null, string? language = null,
        string? idempotencyKey = null)
    {
        actor ??= ActorFor(path);
        var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        if (ifMatch is not null)
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        request.Headers.TryAddWithoutValidation("X-Aankopen-Actor", actor);
        if (language is not null)
            request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue(language));
        if (idempotencyKey is not null)
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        return request;
    }

    /// <summary>
    /// Who would send this: someone of the administration the path names for its own decisions (opt-ins, declined
    /// renewals, orders), the purchasing cell for everything else.
    /// </summary>
    private static string ActorFor(string path) =>
        System.Text.RegularExpressions.Regex.Match(path, "/(opt-ins|declines|decisions|orders)/([^/?]+)") is { Success: true } own
            ? TestUsers.Of(own.Groups[2].Value)
            : "tester@jette.example";

    public static HttpRequestMessage RawWrite(HttpMethod method, string path, string json, string? ifMatch)
    {
        var request = Write(method, path, null, ifMatch);
        request.Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        return request;
    }

    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync(Ct);
        response.StatusCode.ShouldBe(status, body);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        var problem = JsonSerializer.Deserialize<JsonElement>(body);
        problem.GetProperty("status").GetInt32().ShouldBe((int)status);
        problem.GetProperty("detail").GetString().ShouldNotBeNullOrWhiteSpace();
        return problem;
    }

    public static async Task<string> CodeOfAsync(HttpResponseMessage response, HttpStatusCode status) =>
        (await ProblemAsync(response, status)).GetProperty("code").GetString()!;

    /// <summary>Sends as <paramref name="user"/>, requires success, and reads the answer.</summary>
    public static async Task<T> AsAsync<T>(this HttpClient api, string user, HttpMethod method, string path, object? body = null, string? etag = null)
    {
        var response = await api.SendAsync(Write(method, path, body, etag, actor: user), Ct);
        response.IsSuccessStatusCode.ShouldBeTrue($"{user} {method} {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
        return (await response.Content.ReadFromJsonAsync<T>(Ct))!;
    }
}
