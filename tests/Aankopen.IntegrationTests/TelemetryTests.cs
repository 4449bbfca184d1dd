using System.Diagnostics;
using System.Net;
using Shouldly;
using static Aankopen.IntegrationTests.HttpCalls;

namespace Aankopen.IntegrationTests;

/// <summary>What an operator's tracing and metrics platform receives: one trace per award, counters per administration.</summary>
[Collection(nameof(RunningSystem))]
public sealed class TelemetryTests(RunningSystem system)
{
    [Fact]
    public async Task An_award_and_the_bookings_it_causes_share_one_trace_from_the_request_to_the_finance_call()
    {
        var tender = new MealVoucherTender(system.Api);
        var reference = $"TR-{Guid.NewGuid():N}"[..20];
        await tender.PublishedDemoAsync(reference);

        // The caller's trace: HttpClient sends it as traceparent, as a town hall's own front end would.
        using var award = new Activity("award from a caller").SetIdFormat(ActivityIdFormat.W3C);
        award.ActivityTraceFlags = ActivityTraceFlags.Recorded; // a sampled trace, which every span after it keeps
        award.Start();
        await tender.AwardAsync(1, 100_000.01m);
        award.Stop();

        foreach (var administration in RunningSystem.Administrations)
        {
            var booking = (await system.EventuallyAsync(() => system.BookingsAsync(administration),
                b => b.Any(e => e.Request.TenderReference == reference))).Single(e => e.Request.TenderReference == reference);
            // Through the API, the event store (the event's headers), the relay, RabbitMQ and the connector.
            ActivityContext.TryParse(booking.TraceParent, null, out var received).ShouldBeTrue($"{administration}'s booking came without a trace context");
            received.TraceId.ShouldBe(award.TraceId);
            // A span of the connector's, not the caller's own: the trace went the whole way, it was not copied.
            received.SpanId.ShouldNotBe(award.SpanId);
        }
    }

    [Fact]
    public async Task Metrics_count_commands_and_deliveries_per_administration_and_show_lag_and_the_breaker()
    {
        var tender = new MealVoucherTender(system.Api);
        await tender.AwardedDemoAsync($"TM-{Guid.NewGuid():N}"[..20]);
        await system.EventuallyAsync(() => system.BookingsAsync("OCMW"), b => b.Count > 0);

        var api = await MetricsAsync(system.Api);
        Counted(api, "aankopen_commands", "aankopen_command=\"AwardLot\"", "aankopen_outcome=\"accepted\"").ShouldBeGreaterThanOrEqualTo(1);
        var worker = await system.EventuallyAsync(() => MetricsAsync(system.Worker),
            m => m.Contains("aankopen_projection_lag") && m.Contains("aankopen_finance_messages_published"));
        Counted(worker, "aankopen_finance_messages_published", "aankopen_administration=\"OCMW\"").ShouldBeGreaterThanOrEqualTo(1);

        var ocmw = await system.EventuallyAsync(() => MetricsAsync(system.Connectors["OCMW"]),
            m => Counted(m, "aankopen_finance_deliveries", "aankopen_outcome=\"delivered\"") > 0);
        Counted(ocmw, "aankopen_finance_deliveries", "aankopen_administration=\"OCMW\"", "aankopen_outcome=\"delivered\"").ShouldBeGreaterThanOrEqualTo(1);
        ocmw.ShouldContain("aankopen_finance_circuit_state");
        ocmw.ShouldContain("aankopen_finance_reachable");
    }

    [Fact]
    public async Task A_connector_reports_its_finance_system_and_broker_on_its_own_probes()
    {
        var connector = system.Connectors["GEMEENTE"];
        var (status, report) = await system.EventuallyAsync(() => HealthTests.ReadyAsync(connector),
            r => HealthTests.StatusOf(r.Report, "rabbitmq") == "Healthy" && r.Report.GetProperty("checks").GetProperty("finance-system").GetProperty("data").TryGetProperty("answered", out _));

        status.ShouldBe(HttpStatusCode.OK);
        HealthTests.StatusOf(report, "finance-system").ShouldBe("Healthy");
        report.GetProperty("checks").GetProperty("finance-system").GetProperty("data").GetProperty("circuit").GetString().ShouldBe("Closed");
        (await connector.GetAsync("health/live", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private static Task<string> MetricsAsync(HttpClient http) => ScrapedMetrics.ReadAsync(http);

    /// <summary>The sum of a counter's series whose labels include all of <paramref name="labels"/>.</summary>
    private static double Counted(string metrics, string name, params string[] labels) => ScrapedMetrics.Sum(metrics, name + "_total", labels);
}
