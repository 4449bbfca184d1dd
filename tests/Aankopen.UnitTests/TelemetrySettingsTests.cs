using Aankopen.Observability;
using Microsoft.Extensions.Configuration;
using Shouldly;

namespace Aankopen.UnitTests;

public sealed class TelemetrySettingsTests
{
    private static TelemetrySettings Read(params (string Key, string Value)[] settings) =>
        TelemetrySettings.Read(new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build());

    [Fact]
    public void Without_settings_telemetry_is_on_and_exports_nothing() =>
        Read().ShouldBe(new TelemetrySettings(null, false, true));

    [Fact]
    public void An_http_collector_gets_the_protobuf_protocol_and_telemetry_can_be_turned_off()
    {
        Read(("Telemetry:OtlpEndpoint", "http://otel:4318"), ("Telemetry:OtlpProtocol", "http/protobuf"))
            .ShouldBe(new TelemetrySettings(new Uri("http://otel:4318"), true, true));
        Read(("Telemetry:Enabled", "false")).Enabled.ShouldBeFalse();
    }

    [Theory]
    [InlineData("otel:4317", "Telemetry:OtlpEndpoint")]
    [InlineData("ftp://otel/", "Telemetry:OtlpEndpoint")]
    public void A_collector_address_that_is_not_http_is_refused_naming_the_setting(string endpoint, string named) =>
        Should.Throw<InvalidOperationException>(() => Read(("Telemetry:OtlpEndpoint", endpoint))).Message.ShouldContain(named);
}
