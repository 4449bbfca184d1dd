using System.Net;
using Shouldly;
using static Aankopen.IntegrationTests.HttpCalls;

namespace Aankopen.IntegrationTests;

/// <summary>Limits and headers that protect the service and its users' browsers.</summary>
[Collection(nameof(RunningSystem))]
public sealed class HardeningTests(RunningSystem system)
{
    [Fact]
    public async Task A_body_above_the_limit_is_refused_with_413_before_anything_is_written()
    {
        var reference = $"HL-{Guid.NewGuid():N}"[..20];
        var padding = new string('x', 300 * 1024);
        var json = $$"""{"reference":"{{reference}}","titleNl":"{{padding}}","titleFr":"b","mainCpv":"30199770-8","procedure":"Open","leadAdministration":"GEMEENTE","invitedAdministrations":["GEMEENTE"],"optInDeadline":"2099-01-01T00:00:00Z"}""";

        var response = await system.Api.SendAsync(RawWrite(HttpMethod.Post, "api/tenders", json, null), Ct);

        (await CodeOfAsync(response, HttpStatusCode.RequestEntityTooLarge)).ShouldBe("request-too-large");
        var listed = await system.Api.GetStringAsync($"api/tenders?q={reference}", Ct);
        listed.ShouldNotContain(reference);
    }

    [Fact]
    public async Task Writes_above_the_users_rate_are_refused_with_429_and_reads_go_on()
    {
        var (_, api) = await system.StartApiAsync(await system.CreateDatabaseAsync(), _ => { }, "--Limits:WritesPerMinutePerUser=60");
        // 60 a minute: a burst of 6, then one a second.
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 12; i++)
            answers.Add((await api.SendAsync(Write(HttpMethod.Post, "api/centrals", new { }, null), Ct)).StatusCode);

        answers.ShouldContain(HttpStatusCode.TooManyRequests);
        answers.TakeWhile(s => s != HttpStatusCode.TooManyRequests).Count().ShouldBeGreaterThanOrEqualTo(5);
        var refused = await api.SendAsync(Write(HttpMethod.Post, "api/centrals", new { }, null), Ct);
        (await CodeOfAsync(refused, HttpStatusCode.TooManyRequests)).ShouldBe("too-many-writes");
        refused.Headers.RetryAfter.ShouldNotBeNull();
        (await api.GetAsync("api/centrals", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        // Another user has an allowance of their own.
        (await api.SendAsync(Write(HttpMethod.Post, "api/centrals", new { }, null, actor: "tester"), Ct)).StatusCode.ShouldNotBe(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task Every_answer_carries_the_security_headers()
    {
        foreach (var path in new[] { "api/tenders", "health", "openapi/v1.json" })
        {
            var response = await system.Api.GetAsync(path, Ct);
            response.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"], path);
            response.Headers.GetValues("X-Frame-Options").ShouldBe(["DENY"], path);
            response.Headers.GetValues("Referrer-Policy").ShouldBe(["no-referrer"], path);
            response.Headers.GetValues("Content-Security-Policy").Single().ShouldContain("frame-ancestors 'none'", Case.Sensitive, path);
        }
    }
}
