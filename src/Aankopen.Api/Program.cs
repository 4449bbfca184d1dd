using Aankopen.Api.Administrations;
using Aankopen.Api.Memberships;
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

/// <summary>
/// The API: HTTP endpoints over the event store, for programs and the web application. It records decisions; the
/// worker (Aankopen.Worker) publishes them to the finance systems, runs the schedulers and serves the operator.
/// </summary>
public sealed class Program
{
    private Program() { }

    public static async Task<int> Main(string[] args)
    {
        WebApplication app;
        try
        {
            app = Build(args);
        }
        catch (StartupException e)
        {
            await Console.Error.WriteLineAsync($"Aankopen API cannot start: {e.Message}");
            return 2;
        }
        try
        {
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
        services.AddSingleton<GroupCommit>();
        services.AddSingleton<RecentStates>();
        services.AddScoped<TenderWrites>();
        services.AddEventStore(builder.Configuration, daemonRunsHere: false);
        services.AddHostedService<AdministrationSeeding>();
        // First of all hosted services, ahead of Marten's schema migration, so that its one-line message wins.
        services.Insert(0, ServiceDescriptor.Singleton<IHostedService, DatabaseReachability>());
        services.AddAankopenSecurity(builder.Configuration, SignIn.AddBearerSignIn);
        services.AddAankopenHealthChecks(daemonRunsHere: false);
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
        Reports.ReportEndpoints.MapReportEndpoints(app);
        return app;
    }
}
