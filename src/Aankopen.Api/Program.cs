using Aankopen.Api.Administrations;
using Aankopen.Api.Memberships;
using Aankopen.Api.Notifications;
using Aankopen.Api.Notifications.Deliveries;
using Aankopen.Api.Operations;
using Aankopen.Api.Tenders;
using Aankopen.Api.Tenders.Routes;
using Aankopen.Domain.Tenders.Thresholds;
using Aankopen.Edge;
using Aankopen.Edge.Http;
using Aankopen.Edge.Security;
using Aankopen.Observability;
using Aankopen.Store.Administrations;
using Aankopen.Store.Hosting;
using Aankopen.Store.Infrastructure;
using Aankopen.Store.Operations;
using Aankopen.Store.Streams;
using Scalar.AspNetCore;

namespace Aankopen.Api;

public sealed class Program
{
    private Program() { }

    public static async Task<int> Main(string[] args)
    {
        var verb = args.FirstOrDefault() is ProjectionRebuild.Command or SchemaMigrations.Command ? args[0] : null;
        var script = verb == SchemaMigrations.Command && args.Length > 2 && args[1] == "--script" ? args[2] : null;
        WebApplication app;
        try
        {
            // A verb must not race a daemon of its own process: the relay and async projections stay off. It serves
            // no requests either, so it needs no identity provider; a placeholder satisfies the check.
            app = Build(verb is null ? args :
                [.. args.Skip(script is null ? 1 : 3), "--Notifications:RelayEnabled=false", "--Authentication:Authority=https://127.0.0.1/",
                 $"--{SchemaMigrations.Setting}=OnStartup", $"--{StoreSettings.PlanEachExecutionSetting}=true",
                 // A migration that fills a new column rewrites every row of its table; on a large store that takes minutes.
                 $"--{StoreSettings.CommandTimeoutSetting}=0"]);
        }
        catch (StartupException e)
        {
            await Console.Error.WriteLineAsync($"Aankopen API cannot start: {e.Message}");
            return 2;
        }
        try
        {
            if (verb == ProjectionRebuild.Command)
                return await ProjectionRebuild.RunAsync(app, CancellationToken.None);
            if (verb == SchemaMigrations.Command)
                return await SchemaMigrations.RunAsync(app, script, CancellationToken.None);
            await app.RunAsync();
            return 0;
        }
        catch (StartupException e)
        {
            app.Logger.LogCritical("Aankopen API cannot start: {Reason}", e.Message);
            await Console.Error.WriteLineAsync($"Aankopen API cannot start: {e.Message}");
            return 2;
        }
    }

    /// <param name="overrides">Replaces registrations after all others, e.g. the clock in tests that move time.</param>
    public static WebApplication Build(string[] args, Action<IServiceCollection>? overrides = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        var services = builder.Services;
        StartupException.Checked(() => builder.AddAankopenTelemetry("aankopen-api"));

        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sp => Edge.Tenancy.Tenants.FromConfiguration(sp.GetRequiredService<IConfiguration>()));
        // The law's ceilings, with their sources: not deployment settings.
        services.AddSingleton(ProcedureThresholds.Belgian);
        services.AddScoped<StreamWrites>();
        services.AddSingleton<Store.Infrastructure.GroupCommit>();
        services.AddSingleton<Store.Tenders.SystemDecisions>();
        services.AddSingleton<RecentStates>();
        services.AddScoped<TenderWrites>();
        var relay = Store.Notifications.NotificationSettings.RelayEnabled(builder.Configuration);
        var marten = services.AddEventStore(builder.Configuration, relay);
        if (relay)
        {
            // HotCold: every process with the relay on stands ready, and one of them (elected through a PostgreSQL
            // advisory lock) runs the async projections and the relay; when it dies, its lock goes with its
            // connection and another takes over from the checkpoints.
            marten.AddAsyncDaemon(JasperFx.Events.Daemon.DaemonMode.HotCold)
                .AddSubscriptionWithServices<Notifications.FinanceNotificationRelay>(ServiceLifetime.Singleton);
            // The schedulers run in each of those processes: each decision is appended expecting the version it was
            // made on, so when two processes decide the same closing or renewal, one append is refused and the
            // event is recorded once.
            services.AddHostedService<Tenders.CloseOptIn.OptInDeadlineCloser>();
            services.AddSingleton<Tenders.Renewals.RenewalScheduler>();
            services.AddHostedService(sp => sp.GetRequiredService<Tenders.Renewals.RenewalScheduler>());
        }
        services.AddHostedService<AdministrationSeeding>();
        // First of all hosted services, ahead of Marten's schema migration, so that its one-line message wins.
        services.Insert(0, ServiceDescriptor.Singleton<IHostedService, DatabaseReachability>());
        services.AddFinanceMessaging(builder.Configuration);
        services.AddAankopenSecurity(builder.Configuration, SignIn.AddBearerSignIn);
        services.AddAankopenHealthChecks(builder.Configuration);
        // The lag is the daemon's: only its process samples it.
        if (Store.Notifications.NotificationSettings.RelayEnabled(builder.Configuration))
            services.AddHostedService<DaemonLagSampler>();
        services.AddSingleton<ConfigurationCheck>();
        services.AddHttpClient();
        services.AddSingleton(StartupException.Checked(() => Aankopen.Reports.Ocds.OcdsSettings.From(builder.Configuration["Exports:OcidPrefix"], builder.Configuration["Exports:Publisher"])));

        services.AddProblemDetails();
        services.AddExceptionHandler<BadRequestProblems>();
        services.AddExceptionHandler<UnavailableProblems>();
        // Let unreadable bodies reach BadRequestProblems instead of becoming a bare 400.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddOpenApi(o => o.AddExamples());
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));

        overrides?.Invoke(services);
        var app = builder.Build();
        // Fail at start-up, not at the first request, when the tenants or their administrations are misconfigured.
        StartupException.Checked(app.Services.GetRequiredService<Edge.Tenancy.Tenants>);

        app.UseCorrelationIds();
        app.UseCommandMetrics();
        app.UseExceptionHandler();
        app.UseStatusProblems();
        app.UseAankopenSecurity();
        // The API's description and reference page are public: they hold no data.
        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference().AllowAnonymous();
        app.MapGet("/health", () => Results.Ok(new { status = "ok" })).WithName("Health").WithTags("Operations").AllowAnonymous();
        app.MapAankopenHealthChecks();
        // Counts and timings, no names or amounts; like the probes, for the platform's network, not the public one.
        app.MapAankopenMetrics().AllowAnonymous();
        app.MapAdministrationEndpoints();
        app.MapTenderEndpoints();
        app.MapDeliveryEndpoints();
        app.MapCentralEndpoints();
        app.MapMembershipEndpoints();
        app.MapOperationEndpoints();
        Reports.ReportEndpoints.MapReportEndpoints(app);
        return app;
    }
}
