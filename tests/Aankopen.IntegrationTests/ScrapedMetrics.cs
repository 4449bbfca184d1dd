using System.Net;
using Aankopen.Client;
using Shouldly;
using static Aankopen.IntegrationTests.HttpCalls;

namespace Aankopen.IntegrationTests;

/// <summary>A process's <c>/metrics</c>, as Prometheus scrapes it, and the sum of a series.</summary>
public static class ScrapedMetrics
{
    public static async Task<string> ReadAsync(HttpClient http)
    {
        var response = await http.SendAsync(Write(HttpMethod.Get, "metrics", null, null, actor: DevIssuerTokens.Anonymous), Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return await response.Content.ReadAsStringAsync(Ct);
    }

    /// <summary>The sum of the <paramref name="series"/> lines whose labels include all of <paramref name="labels"/>.</summary>
    public static double Sum(string metrics, string series, params string[] labels) =>
        metrics.Split('\n')
            .Where(l => l.StartsWith(series + "{", StringComparison.Ordinal) && labels.All(l.Contains))
            .Sum(l => double.Parse(l[(l.LastIndexOf('}') + 1)..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture));
}
