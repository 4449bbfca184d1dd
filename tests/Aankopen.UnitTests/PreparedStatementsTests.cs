using Aankopen.Api.Infrastructure;
using Npgsql;
using Shouldly;

namespace Aankopen.UnitTests;

public sealed class PreparedStatementsTests
{
    [Fact]
    public void Statements_are_prepared_and_planned_for_their_arguments_each_time()
    {
        var settings = new NpgsqlConnectionStringBuilder(EventStoreSetup.WithPreparedStatements("Host=db;Database=aankopen"));

        settings.MaxAutoPrepare.ShouldBe(50);
        settings.AutoPrepareMinUsages.ShouldBe(2);
        settings.Options.ShouldBe("-c plan_cache_mode=force_custom_plan");
    }

    [Fact]
    public void What_the_operator_set_stays_and_other_server_options_are_kept()
    {
        var settings = new NpgsqlConnectionStringBuilder(EventStoreSetup.WithPreparedStatements(
            "Host=db;Max Auto Prepare=5;Options=-c statement_timeout=30000"));

        settings.MaxAutoPrepare.ShouldBe(5);
        settings.Options.ShouldBe("-c statement_timeout=30000 -c plan_cache_mode=force_custom_plan");

        var chosen = new NpgsqlConnectionStringBuilder(EventStoreSetup.WithPreparedStatements("Host=db;Options=-c plan_cache_mode=auto"));
        chosen.Options.ShouldBe("-c plan_cache_mode=auto");
    }
}
