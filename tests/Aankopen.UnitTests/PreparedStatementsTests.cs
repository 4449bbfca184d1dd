using Aankopen.Edge;
using Aankopen.Store.Infrastructure;
using Microsoft.Extensions.Configuration;
using Npgsql;
using Shouldly;

namespace Aankopen.UnitTests;

public sealed class PreparedStatementsTests
{
    [Fact]
    public void Statements_are_prepared_and_where_the_daemon_runs_planned_for_their_arguments_each_time()
    {
        var replica = new NpgsqlConnectionStringBuilder(StoreSettings.WithPreparedStatements("Host=db;Database=aankopen", planEachExecution: false));
        var daemon = new NpgsqlConnectionStringBuilder(StoreSettings.WithPreparedStatements("Host=db;Database=aankopen", planEachExecution: true));

        replica.MaxAutoPrepare.ShouldBe(50);
        replica.AutoPrepareMinUsages.ShouldBe(2);
        replica.Options.ShouldBeNull();
        daemon.MaxAutoPrepare.ShouldBe(50);
        daemon.Options.ShouldBe("-c plan_cache_mode=force_custom_plan");
    }

    [Theory]
    [InlineData(true, null, true)]
    [InlineData(false, null, false)]
    [InlineData(false, "true", true)]
    [InlineData(true, "false", false)]
    public void The_workers_plan_each_execution_and_the_apis_do_not_unless_told_otherwise(bool worker, string? plan, bool expected)
    {
        var settings = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [StoreSettings.PlanEachExecutionSetting] = plan,
        }).Build();

        StoreSettings.PlansEachExecution(settings, daemonRunsHere: worker).ShouldBe(expected);
    }

    [Theory]
    [InlineData(null, 30)]
    [InlineData("0", 0)]
    [InlineData("600", 600)]
    public void A_command_timeout_is_the_default_unless_set(string? setting, int expected)
    {
        var settings = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [StoreSettings.CommandTimeoutSetting] = setting }).Build();

        new NpgsqlConnectionStringBuilder(StoreSettings.WithCommandTimeout("Host=db;Database=aankopen", settings)).CommandTimeout.ShouldBe(expected);
    }

    [Fact]
    public void A_negative_command_timeout_stops_the_start_naming_the_setting()
    {
        var settings = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [StoreSettings.CommandTimeoutSetting] = "-5" }).Build();

        Should.Throw<StartupException>(() => StoreSettings.WithCommandTimeout("Host=db", settings)).Message.ShouldContain(StoreSettings.CommandTimeoutSetting);
    }

    [Fact]
    public void What_the_operator_set_stays_and_other_server_options_are_kept()
    {
        var settings = new NpgsqlConnectionStringBuilder(StoreSettings.WithPreparedStatements(
            "Host=db;Max Auto Prepare=5;Options=-c statement_timeout=30000", planEachExecution: true));

        settings.MaxAutoPrepare.ShouldBe(5);
        settings.Options.ShouldBe("-c statement_timeout=30000 -c plan_cache_mode=force_custom_plan");

        var chosen = new NpgsqlConnectionStringBuilder(StoreSettings.WithPreparedStatements("Host=db;Options=-c plan_cache_mode=auto", planEachExecution: true));
        chosen.Options.ShouldBe("-c plan_cache_mode=auto");
    }

    [Theory]
    [InlineData(null, "-c default_toast_compression=lz4")]
    [InlineData("pglz", "-c default_toast_compression=pglz")]
    public void Stored_values_are_compressed_with_lz4_unless_set_otherwise(string? setting, string expected)
    {
        var settings = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [StoreSettings.CompressionSetting] = setting }).Build();

        new NpgsqlConnectionStringBuilder(StoreSettings.WithCompression("Host=db", settings)).Options.ShouldBe(expected);
        new NpgsqlConnectionStringBuilder(StoreSettings.WithCompression("Host=db;Options=-c statement_timeout=30000", settings)).Options
            .ShouldBe($"-c statement_timeout=30000 {expected}");
        StoreSettings.WithCompression("Host=db;Options=-c default_toast_compression=pglz", settings).ShouldContain("default_toast_compression=pglz");
    }

    [Fact]
    public void The_servers_probe_the_connections_so_a_dead_leaders_lock_is_freed_within_half_a_minute()
    {
        new NpgsqlConnectionStringBuilder(StoreSettings.WithKeepalives("Host=db;Options=-c statement_timeout=30000")).Options
            .ShouldBe("-c statement_timeout=30000 -c tcp_keepalives_idle=10 -c tcp_keepalives_interval=5 -c tcp_keepalives_count=3");
        StoreSettings.WithKeepalives("Host=db;Options=-c tcp_keepalives_idle=60").ShouldNotContain("tcp_keepalives_idle=10");
    }

    [Fact]
    public void An_unknown_compression_stops_the_start_naming_the_setting()
    {
        var settings = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [StoreSettings.CompressionSetting] = "zstd" }).Build();

        Should.Throw<StartupException>(() => StoreSettings.WithCompression("Host=db", settings)).Message.ShouldContain(StoreSettings.CompressionSetting);
    }
}
