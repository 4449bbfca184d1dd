using System.Text;
using Aankopen.Contracts.Api.V1;

namespace Aankopen.Benchmarks;

/// <summary>Raw HTTP for the measured calls: the cost measured is the service's, not a client library's.</summary>
public static class Tenders
{
    public static async Task<(Guid Id, string ETag)> OpenWithLotAsync(HttpClient api, string reference)
    {
        var opened = await SendAsync(api, HttpMethod.Post, "api/tenders", null, JsonContent.Create(new OpenTenderRequest(
            reference, "Kantoorpapier", "Papier de bureau", "30197630-1", "Open", "GEMEENTE", ["GEMEENTE", "OCMW"], DateTimeOffset.UtcNow.AddDays(30))));
        var id = (await opened.Content.ReadFromJsonAsync<TenderView>())!.Id;
        var etag = opened.Headers.ETag!.ToString();
        var lot = await SendAsync(api, HttpMethod.Post, $"api/tenders/{id}/lots", etag, JsonContent.Create(new LotRequest(
            null, "Papier", "30197630-1", 100_000m, 21m, new ContractTermsRequest(new DateOnly(2027, 1, 1), 12, true, 12, 3, 90))));
        return (id, lot.Headers.ETag!.ToString());
    }

    /// <summary>
    /// An opt-in (or a change of it): the command measured for write throughput. <paramref name="minimal"/> asks for
    /// the answer a program that keeps the ETag needs (<c>Prefer: return=minimal</c>: 204 and the ETag), not the tender.
    /// </summary>
    public static async Task<string> OptInAsync(HttpClient api, Guid id, string etag, string administration, decimal amount, bool minimal = false)
    {
        var body = new StringContent($$"""{"estimatedAmountExclVat":{{amount}},"budgetLine":"0100/123-48"}""", Encoding.UTF8, "application/json");
        var response = await SendAsync(api, HttpMethod.Put, $"api/tenders/{id}/lots/1/opt-ins/{administration}", etag, body, minimal ? Aankopen.Edge.Http.ReturnPreference.Minimal : null);
        return response.Headers.ETag!.ToString();
    }

    public static async Task<string> CloseAndPublishAsync(HttpClient api, Guid id, string etag)
    {
        var closed = await SendAsync(api, HttpMethod.Post, $"api/tenders/{id}/close-opt-in", etag, null);
        var published = await SendAsync(api, HttpMethod.Post, $"api/tenders/{id}/publication", closed.Headers.ETag!.ToString(),
            JsonContent.Create(new PublishTenderRequest("BDA-BENCH", DateOnly.FromDateTime(DateTime.UtcNow))));
        return await BothDecidedAsync(api, id, published.Headers.ETag!.ToString());
    }

    /// <summary>
    /// The city's and the OCMW's councils approve the conditions and award their shares of lot 1, so that the award
    /// measured commits both shares at once, as before decisions were recorded.
    /// </summary>
    private static async Task<string> BothDecidedAsync(HttpClient api, Guid id, string etag)
    {
        foreach (var (administration, body) in new[] { ("GEMEENTE", "MunicipalCouncil"), ("OCMW", "SocialWelfareCouncil") })
            foreach (var kind in new[] { "Conditions", "Award" })
                etag = (await SendAsync(api, HttpMethod.Post, $"api/tenders/{id}/decisions/{administration}", etag, JsonContent.Create(new RecordDecisionRequest(
                    kind, body, DateOnly.FromDateTime(DateTime.UtcNow), $"{administration}/{kind}", kind == "Award" ? 1 : null)))).Headers.ETag!.ToString();
        return etag;
    }

    public static Task<HttpResponseMessage> AwardAsync(HttpClient api, Guid id, string etag) =>
        SendAsync(api, HttpMethod.Post, $"api/tenders/{id}/lots/1/award", etag, JsonContent.Create(new AwardLotRequest(
            "Papier NV", "0403.170.701", 95_000m, new DateOnly(2027, 1, 1), new DateOnly(2027, 12, 31))));

    private static async Task<HttpResponseMessage> SendAsync(HttpClient api, HttpMethod method, string path, string? etag, HttpContent? body, string? prefer = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body };
        if (etag is not null)
            request.Headers.TryAddWithoutValidation("If-Match", etag);
        if (prefer is not null)
            request.Headers.TryAddWithoutValidation("Prefer", prefer);
        var response = await api.SendAsync(request);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"{method} {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return response;
    }
}
