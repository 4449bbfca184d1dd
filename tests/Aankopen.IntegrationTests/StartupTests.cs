using Aankopen.Edge;
using Shouldly;

namespace Aankopen.IntegrationTests;

public sealed class StartupTests
{
    [Fact]
    public async Task A_missing_postgresql_stops_the_api_with_one_line_naming_the_setting()
    {
        // Port 1 on loopback: nothing listens there, so the connection is refused at once.
        var api = Aankopen.Api.Program.Build(
            ["--urls=http://127.0.0.1:0", "--ConnectionStrings:Aankopen=Host=127.0.0.1;Port=1;Database=aankopen;Username=x;Password=x",
                .. RunningSystem.ApiSettings()]);

        var failure = await Should.ThrowAsync<StartupException>(() => api.StartAsync(TestContext.Current.CancellationToken));

        failure.Message.ShouldContain("127.0.0.1:1");
        failure.Message.ShouldContain("ConnectionStrings:Aankopen");
        failure.Message.ShouldNotContain(Environment.NewLine);
        await api.DisposeAsync();
    }

    private static readonly string[] Database = ["--urls=http://127.0.0.1:0", "--ConnectionStrings:Aankopen=Host=127.0.0.1;Port=1;Database=aankopen;Username=x;Password=x"];

    [Fact]
    public void An_api_without_an_identity_provider_or_with_one_over_plain_http_elsewhere_refuses_to_start_and_says_what_to_set()
    {
        var settings = RunningSystem.ApiSettings().Where(s => !s.StartsWith("--Authentication:", StringComparison.Ordinal)).ToArray();

        Should.Throw<StartupException>(() => Aankopen.Api.Program.Build([.. Database, .. settings])).Message.ShouldContain("Authentication:Authority");
        Should.Throw<StartupException>(() => Aankopen.Api.Program.Build([.. Database, .. settings, "--Authentication:Authority=http://login.jette.example/"]))
            .Message.ShouldContain("https");
    }

    [Theory]
    [InlineData("--Tenants:0:Id=Molenbeek!", "tenant id 'Molenbeek!'")]
    [InlineData("--Tenants:0:Id=default", "configured twice")]
    [InlineData("--Exports:OcidPrefix=ocds-1", "Exports:OcidPrefix")]
    [InlineData("--Limits:MaxRequestBodyKilobytes=0", "Limits:MaxRequestBodyKilobytes")]
    [InlineData("--Telemetry:OtlpEndpoint=collector:4317", "Telemetry:OtlpEndpoint must be an absolute http or https address")]
    [InlineData("--Telemetry:OtlpProtocol=udp", "'grpc' or 'http/protobuf'")]
    [InlineData("--Database:ApplySchemaChanges=Sometimes", "use OnStartup")]
    public void A_misconfigured_api_refuses_to_start_and_names_the_setting(string setting, string named) =>
        Should.Throw<StartupException>(() => Aankopen.Api.Program.Build([.. Database, .. RunningSystem.ApiSettings(), setting])).Message.ShouldContain(named);

    [Theory]
    [InlineData(null, "Web:ApiAddress must be the API's absolute http or https address")]
    [InlineData("aankopen-api:8080", "it is 'aankopen-api:8080'")]
    [InlineData("ftp://aankopen-api/", "Web:ApiAddress")]
    public void A_web_application_that_cannot_reach_an_api_refuses_to_start_and_says_what_to_set(string? address, string named)
    {
        string[] api = address is null ? [] : [$"--Web:ApiAddress={address}"];

        Should.Throw<StartupException>(() => Aankopen.Web.Program.Build([.. Database, .. RunningSystem.ApiSettings(), .. api])).Message.ShouldContain(named);
    }

    [Fact]
    public void A_web_application_without_its_sessions_database_refuses_to_start_and_says_what_to_set() =>
        Should.Throw<StartupException>(() => Aankopen.Web.Program.Build(["--urls=http://127.0.0.1:0", "--ConnectionStrings:Aankopen=", "--Web:ApiAddress=http://127.0.0.1:1/", .. RunningSystem.ApiSettings()]))
            .Message.ShouldContain("ConnectionStrings:Aankopen");

    [Fact]
    public void A_connector_without_its_administration_refuses_to_start_and_says_what_to_set()
    {
        var failure = Should.Throw<InvalidOperationException>(() => Aankopen.FinanceConnector.Program.Build(["--FinanceSystem:BaseUrl=not a url"]));

        failure.Message.ShouldContain("Connector:Administration");
        failure.Message.ShouldContain("FinanceSystem:BaseUrl");
    }

    [Theory]
    [InlineData("BreakerMinimumThroughput", "1", "2 to 100000")]
    [InlineData("BreakSeconds", "0.1", "0.5 to 3600")]
    [InlineData("BreakerPatienceSeconds", "-1", "0 to 86400")]
    [InlineData("BreakerSamplingSeconds", "0.5", "1 to 3600")]
    [InlineData("ProbeSeconds", "0", "0.1 to 3600")]
    public void A_connector_refuses_a_breaker_or_probe_setting_outside_its_range_and_names_the_range(string setting, string value, string range)
    {
        var failure = Should.Throw<InvalidOperationException>(() => Aankopen.FinanceConnector.Program.Build(
            ["--Connector:Administration=OCMW", "--FinanceSystem:BaseUrl=http://127.0.0.1:1/systems/OCMW", $"--FinanceSystem:{setting}={value}"]));

        failure.Message.ShouldContain($"FinanceSystem:{setting}");
        failure.Message.ShouldContain(range);
    }

    [Theory]
    [InlineData("--Connector:Replica=2", "Connector:Replicas is 2 and Connector:Replica 2")]
    [InlineData("--Connector:Replica=aankopen-connector", "Connector:Replica is 'aankopen-connector'")]
    [InlineData("--Connector:Group=Regio West", "Connector:Group is 'Regio West'")]
    [InlineData("--Connector:AssignmentSeconds=0", "Connector:AssignmentSeconds")]
    [InlineData("--Connector:Registry=/etc/aankopen/registry.json", "list every administration in the registry")]
    public void A_connector_refuses_replica_or_registry_settings_that_do_not_fit_and_says_why(string setting, string said)
    {
        var failure = Should.Throw<InvalidOperationException>(() => Aankopen.FinanceConnector.Program.Build(
            ["--Connector:Administration=OCMW", "--FinanceSystem:BaseUrl=http://127.0.0.1:1/systems/OCMW", "--Connector:Replicas=2", setting]));

        failure.Message.ShouldContain(said);
    }

    [Fact]
    public void A_connector_takes_its_replica_number_and_group_from_a_stateful_set_pod_name()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Connector:Administration"] = "OCMW",
            ["FinanceSystem:BaseUrl"] = "http://127.0.0.1:1/systems/OCMW",
            ["Connector:Replicas"] = "12",
            ["Connector:Replica"] = "aankopen-connector-11",
        }).Build();

        var settings = Aankopen.FinanceConnector.ConnectorSettings.Read(configuration);

        settings.Replica.ShouldBe(11);
        settings.Group.ShouldBe("aankopen-connector");
        configuration["Connector:Replica"] = "11";
        Aankopen.FinanceConnector.ConnectorSettings.Read(configuration).Group.ShouldBe("default");
        // A name that would not do as a group as it stands is made one, rather than stopping a setting nobody gave.
        configuration["Connector:Replica"] = "Regio_West.Connector-11";
        Aankopen.FinanceConnector.ConnectorSettings.Read(configuration).Group.ShouldBe("regio-west-connector");
    }
}
