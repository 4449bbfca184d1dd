using Aankopen.Domain.Tenders.Thresholds;
using Aankopen.Edge;
using Aankopen.Edge.Hosting;
using Aankopen.Edge.Http;
using Aankopen.Edge.Security;
using Aankopen.Observability;
using Aankopen.Store.Hosting;
using Aankopen.Store.Infrastructure;
using Aankopen.Store.Operations;
using Aankopen.Store.Tenders;
using Aankopen.Worker.Notifications;
using Aankopen.Worker.Operations;
using Aankopen.Worker.Schedules;
using JasperFx.Events.Daemon;

namespace Aankopen.Worker;

/// <summary>
/// The worker: Marten's async daemon (the read models that span tenders, and the finance relay), the deadline and
/// renewal schedulers, the delivery reports from the connectors, and the operator's work (over HTTP for the
/// <c>aankopen</c> command line, and the <c>migrate</c> and <c>rebuild-projections</c> verbs). Run two or more: one,
/// elected through PostgreSQL, runs the daemon, and another takes over when it dies.
/// </summary>
public sealed class Program
{
    private Program() { }

    public static Task<int> Main(string[] args)
    {
        var verb = args.FirstOrDefault() is ProjectionRebuild.Command or SchemaMigrations.Command ? args[0] : null;
        var script = verb == SchemaMigrations.Command && args.Length > 2 && args[1] == "--script" ? args[2] : null;
        if (verb is null)
            return ServiceProcess.RunAsync("Aankopen worker", () => Build(args));
        // A verb must not race a daemon of its own process: it runs without one. It serves no requests either, so it
        // needs no identity provider; a placeholder satisfies the check.
        return ServiceProcess.RunAsync("Aankopen worker", () => Build(
                [.. args.Skip(script is null ? 1 : 3), "--Authentication:Authority=https://127.0.0.1/",
                 $"--{SchemaMigrations.Setting}=OnStartup", $"--{StoreSettings.PlanEachExecutionSetting}=true",
                 // A migration that fills a new column rewrites every row of its table; on a large store that takes minutes.
                 $"--{StoreSettings.CommandTimeoutSetting}=0"], daemon: false),
            app => verb == ProjectionRebuild.Command
                ? ProjectionRebuild.RunAsync(app, CancellationToken.None)
                : SchemaMigrations.RunAsync(app, script, CancellationToken.None));
    }

    /// <param name="overrides">Replaces registrations after all others, e.g. the clock in tests that move time.</param>
    /// <param name="daemon">False for the verbs only: the read models are then rebuilt or migrated by the verb itself.</param>
    public static WebApplication Build(string[] args, Action<IServiceCollection>? overrides = null, bool daemon = true)
    {
        var builder = WebApplication.CreateBuilder(args);
        var services = builder.Services;
        StartupException.Checked(() => builder.AddAankopenTelemetry("aankopen-worker"));

        services.AddServiceBasics();
        services.AddSingleton(ProcedureThresholds.Belgian);
        services.AddSingleton<SystemDecisions>();
        var marten = services.AddEventStore(builder.Configuration, daemonRunsHere: daemon);
        if (daemon)
        {
            // HotCold: every worker stands ready, and one of them (elected through a PostgreSQL advisory lock) runs the
            // async projections and the relay; when it dies, its lock goes with its connection and another takes over
            // from the checkpoints.
            marten.AddAsyncDaemon(DaemonMode.HotCold)
                .AddSubscriptionWithServices<FinanceNotificationRelay>(ServiceLifetime.Singleton);
            // The schedulers run in every worker: each decision is appended expecting the version it was made on, so
            // when two workers decide the same closing or renewal, one append is refused and the event is recorded once.
            services.AddHostedService<OptInDeadlineCloser>();
            services.AddSingleton<RenewalScheduler>();
            services.AddHostedService(sp => sp.GetRequiredService<RenewalScheduler>());
            services.AddHostedService<DaemonLagSampler>();
        }
        services.AddFinanceMessaging(builder.Configuration);
        // The operator's endpoints: bearer tokens of the same identity provider, the operator's role.
        services.AddAankopenSecurity(builder.Configuration, SignIn.AddBearerSignIn);
        services.AddAankopenHealthChecks(daemonRunsHere: daemon);
        services.AddSingleton<ConfigurationCheck>();
        services.AddJsonEndpoints();
        // The operator's endpoints described as the API's are, on this process's own port.
        services.AddOpenApi();

        overrides?.Invoke(services);
        var app = builder.Build();
        app.CheckTenants();

        app.UseCorrelationIds();
        app.UseExceptionHandler();
        app.UseStatusProblems();
        app.UseAankopenSecurity();
        app.MapOpenApi().AllowAnonymous();
        app.MapServiceProbes();
        app.MapOperationEndpoints();
        return app;
    }
}
