using Aankopen.Api.Administrations;
using Aankopen.Api.Memberships;
using Aankopen.Api.Notifications;
using Aankopen.Api.Notifications.Deliveries;
using Aankopen.Api.Tenders.CloseOptIn;
using Aankopen.Api.Tenders.ReadModels;
using Aankopen.Api.Tenders.Renewals;
using Aankopen.Domain.Memberships;
using Aankopen.Domain.Tenders;
using JasperFx;
using JasperFx.Events;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Npgsql;

namespace Aankopen.Api.Infrastructure;

public static class EventStoreSetup
{
    public const string ConnectionStringName = "Aankopen";
    public const string Schema = "aankopen";

    public static IServiceCollection AddEventStore(this IServiceCollection services, IConfiguration configuration)
    {
        var applyOnStartup = SchemaMigrations.AppliedOnStartup(configuration);
        var marten = services.AddMarten(sp =>
            {
                var options = new StoreOptions();
                var settings = sp.GetRequiredService<IConfiguration>();
                options.Connection(WithKeepalives(WithCompression(WithCommandTimeout(WithPreparedStatements(ConnectionString(settings), PlansEachExecution(settings)), settings), settings)));
                options.DatabaseSchemaName = Schema;
                // Explicit: nothing is created behind the operator's back, not even lazily at a first query.
                options.AutoCreateSchemaObjects = applyOnStartup ? AutoCreate.CreateOrUpdate : AutoCreate.None;
                DescribeStore(options);
                TuneWrites(options);
                options.Events.AddEventTypes(MembershipEventTypes.All);
                options.Projections.Add<MembershipRecordProjection>(ProjectionLifecycle.Inline);
                options.Schema.For<MembershipRecord>().Index(m => m.Administration).Index(m => m.Central);
                options.Schema.For<PurchasingCentral>();
                // Async: spans tenders, and a write need not wait for it.
                options.Projections.Add<ParticipationProjection>(ProjectionLifecycle.Async);
                // An administration's yearly shares read its own participations of that year only (text[] and GIN, as
                // the tenders' administrations; Participation.YearKeys).
                options.Schema.For<Participation>().Index(p => p.Administration)
                    .Duplicate(p => p.YearKeys, pgType: "text[]", configure: i => i.Method = Weasel.Postgresql.Tables.IndexMethod.gin);
                options.Schema.For<AdministrationRecord>().UseNumericRevisions(true);
                options.Schema.For<PublishedFinanceMessage>().Index(m => m.TenderId).Index(m => m.Administration);
                options.Schema.For<Notifications.Parking.ParkedFinanceMessage>().Index(m => m.StreamId).Index(m => m.Administration);
                options.Schema.For<DeliveryRecord>().Index(r => r.UpdatedAt); // the health check reads the latest
                options.Schema.For<Web.Sessions.PageSession>();
                options.Schema.For<Web.Sessions.DataProtectionKey>();
                // Finance systems should hear of an award within a fraction of a second, not the default second.
                options.Projections.FastPollingTime = TimeSpan.FromMilliseconds(50);
                options.Projections.SlowPollingTime = TimeSpan.FromMilliseconds(100);
                return options;
            })
            .BuildSessionsWith<CorrelatedSessions>();
        if (applyOnStartup)
            marten.ApplyAllDatabaseChangesOnStartup();
        else
            services.Insert(1, ServiceDescriptor.Singleton<IHostedService, SchemaIsCurrent>()); // right after DatabaseReachability
        // After the schema is created or found current: the tables our own append SQL writes must be those it was checked against.
        services.AddHostedService<EventTablesAsWritten>();
        services.AddHttpContextAccessor();

        if (NotificationSettings.RelayEnabled(configuration))
        {
            // HotCold: every process with the relay on stands ready, and one of them (elected through a PostgreSQL
            // advisory lock) runs the async projections and the relay; when it dies, its lock goes with its
            // connection and another takes over from the checkpoints. Processes that should never run it (plain API
            // replicas) set Notifications:RelayEnabled=false.
            marten.AddAsyncDaemon(DaemonMode.HotCold)
                .AddSubscriptionWithServices<FinanceNotificationRelay>(ServiceLifetime.Singleton);
            // The schedulers run in each of those processes: each decision is appended expecting the version it was
            // made on, so when two processes decide the same closing or renewal, one append is refused and the
            // event is recorded once.
            services.AddHostedService<OptInDeadlineCloser>();
            services.AddSingleton<RenewalScheduler>();
            services.AddHostedService(sp => sp.GetRequiredService<RenewalScheduler>());
        }
        return services;
    }

    /// <summary>
    /// What the tenders' event store holds, apart from how it is tuned: tenants, metadata, the events and the inline read
    /// model with its columns. The benchmark's baseline (Marten with its default settings doing the same writes) uses it too.
    /// </summary>
    public static void DescribeStore(StoreOptions options)
    {
        options.Events.StreamIdentity = StreamIdentity.AsGuid;
        // One deployment may serve several municipalities' groups of administrations: every event and document
        // carries its tenant, and a session sees its own tenant's only.
        options.Events.TenancyStyle = JasperFx.MultiTenancy.TenancyStyle.Conjoined;
        options.Policies.AllDocumentsAreMultiTenanted();
        options.Events.MetadataConfig.CorrelationIdEnabled = true;
        options.Events.MetadataConfig.HeadersEnabled = true;
        options.Events.AddEventTypes(TenderEventTypes.All);
        // Inline: the API reads its own writes from it. A reference names one tender only.
        options.Projections.Add<TenderRecordProjection>(ProjectionLifecycle.Inline);
        TenderRecordColumns.Configure(options);
    }

    /// <summary>How the service's writes differ from Marten's defaults in what the store does (not in what it holds).</summary>
    public static void TuneWrites(StoreOptions options)
    {
        // Quick append: the database numbers the events, saving the round trip Marten otherwise makes to read the
        // stream's version before every append (writes that care pass the version they expect).
        // The service's own appends, openings included, do not go through Marten's append at all (BatchedAppends);
        // this serves what still uses a Marten session's append (the benchmark's baselines, tests).
        options.Events.AppendMode = EventAppendMode.Quick;
    }

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
    /// <c>Database:PlanEachExecution</c>: by default where the daemon runs (the relay's process) and for the
    /// <c>rebuild-projections</c> command, which page through the events.
    /// </summary>
    public static bool PlansEachExecution(IConfiguration configuration) =>
        configuration.GetValue<bool?>(PlanEachExecutionSetting) ?? NotificationSettings.RelayEnabled(configuration);

    public static string ConnectionString(IConfiguration configuration) =>
        configuration.GetConnectionString(ConnectionStringName) is { Length: > 0 } cs
            ? cs
            : throw new StartupException($"No PostgreSQL connection string: set ConnectionStrings:{ConnectionStringName} (environment variable ConnectionStrings__{ConnectionStringName}), e.g. Host=127.0.0.1;Port=5432;Database=aankopen;Username=aankopen;Password=...");
}
