using Aankopen.Api.Administrations;
using Aankopen.Api.Infrastructure;
using Aankopen.Api.Memberships;
using Aankopen.Api.Notifications;
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

namespace Aankopen.Api.Hosting;

/// <summary>The event store of the service: what it holds, its read models and, in the daemon's processes, the relay and the schedulers.</summary>
public static class EventStoreSetup
{
    public static IServiceCollection AddEventStore(this IServiceCollection services, IConfiguration configuration)
    {
        var applyOnStartup = SchemaMigrations.AppliedOnStartup(configuration);
        var marten = services.AddMarten(sp =>
            {
                var options = new StoreOptions();
                var settings = sp.GetRequiredService<IConfiguration>();
                options.Connection(StoreSettings.WithKeepalives(StoreSettings.WithCompression(StoreSettings.WithCommandTimeout(StoreSettings.WithPreparedStatements(StoreSettings.ConnectionString(settings), StoreSettings.PlansEachExecution(settings, NotificationSettings.RelayEnabled(settings))), settings), settings)));
                options.DatabaseSchemaName = StoreSettings.Schema;
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
}
