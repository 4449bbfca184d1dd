namespace Aankopen.IntegrationTests;

/// <summary>
/// The PostgreSQL and RabbitMQ started by the test command (infra/local/servers.sh), found through the environment
/// it sets. Run the suite with ./test.sh; running it bare fails with this explanation instead of a timeout.
/// </summary>
public static class TestServers
{
    public static string PostgresConnectionString => Require("ConnectionStrings__Aankopen");
    public static string RabbitMqPort => Require("RabbitMq__Port");

    private static string Require(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{name} is not set: the integration tests need the PostgreSQL and RabbitMQ that ./test.sh starts " +
                "(or start them with infra/local/servers.sh start .state/dev and export the variables in .state/dev/env).");
}
