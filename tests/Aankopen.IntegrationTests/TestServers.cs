using System.Diagnostics;

namespace Aankopen.IntegrationTests;

/// <summary>
/// The PostgreSQL and RabbitMQ started by the test command (infra/local/servers.sh), found through the environment
/// it sets. Run the suite with ./test.sh; running it bare fails with this explanation instead of a timeout.
/// </summary>
public static class TestServers
{
    public static string PostgresConnectionString => Require("ConnectionStrings__Aankopen");
    public static string RabbitMqPort => Require("RabbitMq__Port");

    /// <summary>Fast shutdown and start: every open connection to PostgreSQL drops.</summary>
    public static Task RestartPostgresAsync() => ServersAsync("restart-postgres");

    /// <summary>Stops the broker application: connections drop and new ones are refused until resumed.</summary>
    public static Task PauseRabbitMqAsync() => ServersAsync("pause-rabbitmq");

    public static Task ResumeRabbitMqAsync() => ServersAsync("resume-rabbitmq");

    private static async Task ServersAsync(string command)
    {
        using var process = Process.Start(new ProcessStartInfo(Require("AANKOPEN_SERVERS_SCRIPT"), [command, Require("AANKOPEN_SERVERS_STATE")])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        })!;
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"servers.sh {command} failed: {await process.StandardError.ReadToEndAsync()}");
    }

    private static string Require(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{name} is not set: the integration tests need the PostgreSQL and RabbitMQ that ./test.sh starts " +
                "(or start them with infra/local/servers.sh start .state/dev and export the variables in .state/dev/env).");
}
