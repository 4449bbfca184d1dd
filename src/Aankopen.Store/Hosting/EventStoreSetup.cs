using Aankopen.Domain.Memberships;
using Aankopen.Domain.Tenders;
using Aankopen.Store.Administrations;
using Aankopen.Store.Infrastructure;
using Aankopen.Store.Memberships;
using Aankopen.Store.Notifications.Deliveries;
using Aankopen.Store.Notifications.Parking;
using Aankopen.Store.Tenders.ReadModels;
using JasperFx;
using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;

namespace Aankopen.Store.Hosting;

/// <summary>
/// The event store of the service: what it holds and its read models, the same in every process that opens it (the
/// API and the worker), so that a migration creates every table either needs. The worker adds the daemon.
/// </summary>
public static class EventStoreSetup
{
    /// <param name="daemonRunsHere">Whether this process runs the async daemon: its plans are made per execution.</param>
    public static MartenServiceCollectionExtensions.MartenConfigurationExpression AddEventStore(this IServiceCollection services, IConfiguration configuration, bool daemonRunsHere)
    {
        // Every append, a person's or the service's own, goes through the one group commit.
        services.AddSingleton<GroupCommit>();
        var applyOnStartup = SchemaMigrations.AppliedOnStartup(configuration);
        var marten = services.AddMarten(sp =>
            {
                var options = new StoreOptions();
                var settings = sp.GetRequiredService<IConfiguration>();
                options.Connection(StoreSettings.WithKeepalives(StoreSettings.WithCompression(StoreSettings.WithCommandTimeout(StoreSettings.WithPreparedStatements(StoreSettings.ConnectionString(settings), StoreSettings.PlansEachExecution(settings, daemonRunsHere)), settings), settings)));
                options.DatabaseSchemaName = StoreSettings.Schema;
                // Explicit: nothing is created behind the operator's back, not even lazily at a first query.
                options.AutoCreateSchemaObjects = applyOnStartup ? AutoCreate.CreateOrUpdate : AutoCreate.None;
                DescribeStore(options);
                TuneWrites(options);
                options.Events.AddEventTypes(MembershipEventTypes.All);
                options.Projections.Add<MembershipRecordProjection>(ProjectionLifecycle.Inline);
                options.Schema.For<MembershipRecord>().Index(m => m.Administration).Index(m => m.Central);
                options.Schema.For<PurchasingCentral>();
                // The annex's planned measures: a few dozen documents per municipality, each changed once (done or dropped).
                options.Schema.For<Aankopen.Domain.Measures.PlannedMeasure>().UseOptimisticConcurrency(true);
                // Async: spans tenders, and a write need not wait for it.
                options.Projections.Add<ParticipationProjection>(ProjectionLifecycle.Async);
                // An administration's yearly shares read its own participations of that year only (text[] and GIN, as
                // the tenders' administrations; Participation.YearKeys).
                options.Schema.For<Participation>().Index(p => p.Administration)
                    .Duplicate(p => p.YearKeys, pgType: "text[]", configure: i => i.Method = Weasel.Postgresql.Tables.IndexMethod.gin);
                options.Schema.For<AdministrationRecord>().UseNumericRevisions(true);
                // What the relay and the delivery reports keep, which the API reads.
                options.Schema.For<PublishedFinanceMessage>().Index(m => m.TenderId).Index(m => m.Administration);
                options.Schema.For<ParkedFinanceMessage>().Index(m => m.StreamId).Index(m => m.Administration);
                options.Schema.For<DeliveryRecord>().Index(r => r.UpdatedAt); // the health check reads the latest
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

        // First of all hosted services, ahead of Marten's schema migration (which Marten put first), so that its
        // one-line message wins.
        services.Insert(0, ServiceDescriptor.Singleton<IHostedService, DatabaseReachability>());
        return marten;
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
