using Aankopen.Api.Administrations;
using Aankopen.Api.Memberships;
using Aankopen.Api.Notifications.Deliveries;
using Aankopen.Api.Operations;
using Aankopen.Api.Tenders;
using Aankopen.Api.Tenders.Routes;
using Aankopen.Domain.Tenders.Thresholds;
using Aankopen.Edge;
using Aankopen.Edge.Hosting;
using Aankopen.Edge.Http;
using Aankopen.Edge.Security;
using Aankopen.Observability;
using Aankopen.Store.Administrations;
using Aankopen.Store.Hosting;
using Aankopen.Store.Operations;
using Aankopen.Store.Streams;
using Scalar.AspNetCore;

namespace Aankopen.Api;

/// <summary>
/// The API: HTTP endpoints over the event store, for programs and the web application. It records decisions; the
/// worker (Aankopen.Worker) publishes them to the finance systems, runs the schedulers and serves the operator.
/// </summary>
public sealed class Program
{
    private Program() { }

    public static Task<int> Main(string[] args) => ServiceProcess.RunAsync("Aankopen API", () => Build(args));

    /// <param name="overrides">Replaces registrations after all others, e.g. the clock in tests that move time.</param>
    public static WebApplication Build(string[] args, Action<IServiceCollection>? overrides = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        var services = builder.Services;
        StartupException.Checked(() => builder.AddAankopenTelemetry("aankopen-api"));

        services.AddServiceBasics();
        // The law's ceilings, with their sources: not deployment settings.
        services.AddSingleton(ProcedureThresholds.Belgian);
        services.AddSingleton(StartupException.Checked(() => Aankopen.Api.Tenders.OrderWarning.From(builder.Configuration["Orders:WarningPercent"])));
        services.AddScoped<StreamWrites>();
        services.AddSingleton<RecentStates>();
        services.AddScoped<TenderWrites>();
        services.AddEventStore(builder.Configuration, daemonRunsHere: false);
        services.AddHostedService<AdministrationSeeding>();
        services.AddAankopenSecurity(builder.Configuration, SignIn.AddBearerSignIn);
        services.AddAankopenHealthChecks(daemonRunsHere: false);
        services.AddSingleton(StartupException.Checked(() => Aankopen.Reports.Ocds.OcdsSettings.From(builder.Configuration["Exports:OcidPrefix"], builder.Configuration["Exports:Publisher"],
            builder.Configuration["Exports:PublicAddress"])));

        services.AddJsonEndpoints();
        services.AddOpenApi(o => o.AddExamples());

        overrides?.Invoke(services);
        var app = builder.Build();
        app.CheckTenants();

        app.UseCorrelationIds();
        app.UseCommandMetrics();
        app.UseExceptionHandler();
        app.UseStatusProblems();
        app.UseAankopenSecurity();
        // The API's description and reference page are public: they hold no data.
        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference().AllowAnonymous();
        app.MapServiceProbes();
        app.MapAdministrationEndpoints();
        app.MapTenderEndpoints();
        app.MapDeliveryEndpoints();
        app.MapCentralEndpoints();
        app.MapMembershipEndpoints();
        Reports.ReportEndpoints.MapReportEndpoints(app);
        Reports.MeasureEndpoints.MapMeasureEndpoints(app);
        return app;
    }
}
