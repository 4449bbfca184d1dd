using Aankopen.Edge;
using Npgsql;

namespace Aankopen.Store.Infrastructure;

/// <summary>Where the event store is and how its connections are made: the settings every process of the service reads.</summary>
public static class StoreSettings
{
    public const string ConnectionStringName = "Aankopen";
    public const string Schema = "aankopen";

    /// <summary>
    /// The service repeats a handful of statements (load a record, append, upsert a read model) thousands of times;
    /// prepared once per connection, PostgreSQL stops parsing and planning them every time. Left alone when the
    /// connection string already says how to prepare.
    /// <para>
    /// With <paramref name="planEachExecution"/>, prepared but planned for their actual arguments every time
    /// (<c>plan_cache_mode=force_custom_plan</c>): after five runs PostgreSQL may otherwise switch a prepared statement
    /// to a generic plan made without knowing its arguments. For the daemon's page of events ("the next 5,000 after
    /// this one") that plan read, joined and sorted every event to the end of the store for each page, on disk: a
    /// rebuild of 600,000 events took 84 s instead of 15 s. The writes' statements keep their generic plans where no
    /// daemon runs: planning them every time cost the API replicas a third of their opt-ins per second.
    /// </para>
    /// </summary>
    public static string WithPreparedStatements(string connectionString, bool planEachExecution)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!connectionString.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase))
            (builder.MaxAutoPrepare, builder.AutoPrepareMinUsages) = (50, 2);
        if (planEachExecution)
            SetUnlessGiven(builder, "plan_cache_mode", "force_custom_plan");
        return builder.ConnectionString;
    }

    /// <summary>Adds <c>-c name=value</c> to the server's options, unless the connection string already sets that name.</summary>
    private static void SetUnlessGiven(NpgsqlConnectionStringBuilder builder, string name, string value)
    {
        if (builder.Options?.Contains(name, StringComparison.Ordinal) != true)
            builder.Options = $"{builder.Options} -c {name}={value}".Trim();
    }

    /// <summary>
    /// <c>Database:Compression</c>: how PostgreSQL compresses the values it stores out of line or compressed, the
    /// read models' documents above all (a tender record of a few kB is compressed on every opt-in). <c>lz4</c> by
    /// default: under the benchmark's opt-ins PostgreSQL spent about 8 % less CPU per opt-in than with its own
    /// <c>pglz</c> (docs/performance.md), and the rebuild wrote faster. <c>pglz</c> for a server built without LZ4.
    /// Left alone when the connection string already sets <c>default_toast_compression</c>.
    /// </summary>
    public const string CompressionSetting = "Database:Compression";

    public static string WithCompression(string connectionString, IConfiguration configuration)
    {
        var compression = configuration[CompressionSetting] switch
        {
            null or "" or "lz4" => "lz4",
            "pglz" => "pglz",
            var other => throw new StartupException($"{CompressionSetting} is '{other}'; use lz4 (the default) or pglz (for a PostgreSQL built without LZ4)."),
        };
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        SetUnlessGiven(builder, "default_toast_compression", compression);
        return builder.ConnectionString;
    }

    /// <summary>
    /// The daemon's leader holds a PostgreSQL advisory lock on a connection of its own; a standby takes over once that
    /// lock is free. When the leader's machine dies or is cut off (not merely its process, whose socket the kernel
    /// closes), PostgreSQL frees the lock only when it notices the connection is dead: with the kernel's defaults after
    /// more than two hours. These keepalives (first probe after 10 s idle, then every 5 s, three unanswered) make it
    /// about 25 s. Left alone when the connection string already sets them.
    /// </summary>
    public static string WithKeepalives(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        SetUnlessGiven(builder, "tcp_keepalives_idle", "10");
        SetUnlessGiven(builder, "tcp_keepalives_interval", "5");
        SetUnlessGiven(builder, "tcp_keepalives_count", "3");
        return builder.ConnectionString;
    }

    public const string PlanEachExecutionSetting = "Database:PlanEachExecution";

    /// <summary>
    /// <c>Database:CommandTimeoutSeconds</c>: how long one statement may run (Npgsql's default, 30 s, unless set; 0 is
    /// no limit). The <c>migrate</c> and <c>rebuild-projections</c> commands run without a limit.
    /// </summary>
    public const string CommandTimeoutSetting = "Database:CommandTimeoutSeconds";

    public static string WithCommandTimeout(string connectionString, IConfiguration configuration) =>
        configuration.GetValue<int?>(CommandTimeoutSetting) switch
        {
            null => connectionString,
            < 0 => throw new StartupException($"{CommandTimeoutSetting} is a number of seconds, 0 for no limit; it is {configuration[CommandTimeoutSetting]}."),
            var seconds => new NpgsqlConnectionStringBuilder(connectionString) { CommandTimeout = seconds.Value }.ConnectionString,
        };

    /// <summary>
    /// <c>Database:PlanEachExecution</c>: by default where the daemon runs (<paramref name="daemonRunsHere"/>, the
    /// relay's process) and for the <c>rebuild-projections</c> command, which page through the events.
    /// </summary>
    public static bool PlansEachExecution(IConfiguration configuration, bool daemonRunsHere) =>
        configuration.GetValue<bool?>(PlanEachExecutionSetting) ?? daemonRunsHere;

    public static string ConnectionString(IConfiguration configuration) =>
        configuration.GetConnectionString(ConnectionStringName) is { Length: > 0 } cs
            ? cs
            : throw new StartupException($"No PostgreSQL connection string: set ConnectionStrings:{ConnectionStringName} (environment variable ConnectionStrings__{ConnectionStringName}), e.g. Host=127.0.0.1;Port=5432;Database=aankopen;Username=aankopen;Password=...");
}
