using Aankopen.Edge;
using Npgsql;

namespace Aankopen.Store.Infrastructure;

/// <summary>
/// Runs before Marten's own start-up work so that a missing PostgreSQL is reported as one readable line naming the
/// server and the setting, instead of a stack trace from deep inside the schema migration.
/// </summary>
public sealed class DatabaseReachability(IConfiguration configuration) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        var builder = new NpgsqlConnectionStringBuilder(StoreSettings.ConnectionString(configuration)) { Timeout = 5, Pooling = false };
        try
        {
            await using var connection = new NpgsqlConnection(builder.ConnectionString);
            await connection.OpenAsync(ct);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or System.Net.Sockets.SocketException)
        {
            throw new StartupException(
                $"PostgreSQL at {builder.Host}:{builder.Port} (database '{builder.Database}') cannot be reached: {e.Message} " +
                $"Check ConnectionStrings:{StoreSettings.ConnectionStringName} and that the server is running.", e);
        }
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
