using System.Net;
using System.Text.Json;
using Aankopen.Client;
using Shouldly;
using static Aankopen.IntegrationTests.HttpCalls;

namespace Aankopen.IntegrationTests;

/// <summary>The probes an operator or an orchestrator reads, each dependency on its own line.</summary>
[Collection(nameof(RunningSystem))]
public sealed class HealthTests(RunningSystem system)
{
    public static async Task<(HttpStatusCode Status, JsonElement Report)> ReadyAsync(HttpClient api)
    {
        var response = await api.SendAsync(Write(HttpMethod.Get, "health/ready", null, null, actor: DevIssuerTokens.Anonymous), Ct);
        return (response.StatusCode, JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync(Ct)));
    }

    public static string StatusOf(JsonElement report, string check) => report.GetProperty("checks").GetProperty(check).GetProperty("status").GetString()!;

    [Fact]
    public async Task Readiness_names_postgresql_rabbitmq_the_daemon_and_the_finance_systems_without_sign_in()
    {
        var (status, report) = await system.EventuallyAsync(() => ReadyAsync(system.Worker), r => StatusOf(r.Report, "rabbitmq") == "Healthy");

        status.ShouldBe(HttpStatusCode.OK);
        StatusOf(report, "postgresql").ShouldBe("Healthy");
        report.GetProperty("checks").GetProperty("daemon").GetProperty("data").GetProperty("lagEvents").GetInt64().ShouldBeGreaterThanOrEqualTo(0);
        report.GetProperty("checks").TryGetProperty("finance-systems", out _).ShouldBeTrue();
        // The API needs neither the broker nor the daemon to take decisions: its readiness names neither.
        var (apiStatus, api) = await ReadyAsync(system.Api);
        apiStatus.ShouldBe(HttpStatusCode.OK);
        StatusOf(api, "postgresql").ShouldBe("Healthy");
        api.GetProperty("checks").TryGetProperty("rabbitmq", out _).ShouldBeFalse();
        api.GetProperty("checks").TryGetProperty("daemon", out _).ShouldBeFalse();
        foreach (var host in new[] { system.Api, system.Worker })
            (await host.SendAsync(Write(HttpMethod.Get, "health/live", null, null, actor: DevIssuerTokens.Anonymous), Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_web_applications_readiness_names_its_sessions_and_the_api_and_an_api_away_only_degrades_it()
    {
        using var site = new HttpClient { BaseAddress = system.Site };
        var (status, report) = await ReadyAsync(site);

        status.ShouldBe(HttpStatusCode.OK);
        StatusOf(report, "sessions").ShouldBe("Healthy");
        StatusOf(report, "api").ShouldBe("Healthy");

        // Nothing listens on port 1: the pages cannot reach an API, but sign-in and the sessions still work.
        var (_, away) = await system.StartWebAsync(system.ConnectionString, new Uri("http://127.0.0.1:1/"), _ => { });
        using var alone = new HttpClient { BaseAddress = away };
        var (awayStatus, awayReport) = await ReadyAsync(alone);

        awayStatus.ShouldBe(HttpStatusCode.OK);
        StatusOf(awayReport, "api").ShouldBe("Degraded");
        StatusOf(awayReport, "sessions").ShouldBe("Healthy");
    }
}
