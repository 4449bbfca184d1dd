using Aankopen.Edge;
using JasperFx;
using Marten;
using Npgsql;
using Polly;
using Polly.Retry;

namespace Aankopen.Web.Sessions;

/// <summary>
/// Where the web application keeps its people's sessions and its key ring: the service's PostgreSQL database, in a
/// schema of its own. Nothing of the tenders or memberships is here; those the pages ask the API for.
/// </summary>
public static class SessionStore
{
    public const string Schema = "aankopen_web";

    public static void Use(IServiceCollection services, IConfiguration configuration)
    {
        var connection = configuration.GetConnectionString("Aankopen") is { Length: > 0 } given
            ? given
            : throw new StartupException("No PostgreSQL connection string for the sessions: set ConnectionStrings:Aankopen (environment variable ConnectionStrings__Aankopen).");
        // Its own data source, disposed with the host, so that a dead connection can empty the pool (below).
        services.AddSingleton(_ => NpgsqlDataSource.Create(connection));
        services.AddMarten(sp =>
            {
                var options = new StoreOptions();
                var pool = sp.GetRequiredService<NpgsqlDataSource>();
                options.Connection(pool);
                options.DatabaseSchemaName = Schema;
                // Two tables of its own, created or brought up to date at start: sessions and keys are short-lived
                // and are nobody else's, so there is nothing an operator would want to review first.
                options.AutoCreateSchemaObjects = AutoCreate.CreateOrUpdate;
                // Connections that died with the server (a restart, a failover) are found dead only when used, one by
                // one: a sign-in's callback must not fail on them, since the provider's code cannot be used twice. The
                // first one found empties the pool, and the read or write runs again on a new connection; every write
                // here is an upsert or a delete by key, so committing it twice is harmless.
                options.ExtendPolly(retry => retry.AddRetry(OnANewConnection(pool)));
                options.ExtendWritePolly(retry => retry.AddRetry(OnANewConnection(pool)));
                return options;
            })
            .ApplyAllDatabaseChangesOnStartup();
    }

    private static RetryStrategyOptions OnANewConnection(NpgsqlDataSource pool) => new()
    {
        ShouldHandle = new PredicateBuilder().Handle<Exception>(ConnectionDied),
        MaxRetryAttempts = 3,
        Delay = TimeSpan.FromMilliseconds(100),
        BackoffType = DelayBackoffType.Exponential,
        OnRetry = _ =>
        {
            pool.Clear();
            return ValueTask.CompletedTask;
        },
    };

    /// <summary>A dead or refused connection, as Npgsql says it, however Marten wrapped it.</summary>
    private static bool ConnectionDied(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
            if (e is NpgsqlException { IsTransient: true })
                return true;
        return false;
    }
}
