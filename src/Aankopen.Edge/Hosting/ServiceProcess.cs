using Aankopen.Edge.Http;
using Aankopen.Edge.Security;
using Aankopen.Observability;

namespace Aankopen.Edge.Hosting;

/// <summary>
/// What the API, the worker and the web application each do the same way as a process: start or stop with one line
/// naming the setting, the clock and the tenants, problem details for unreadable requests and for outages, and the
/// probes and metrics for the platform.
/// </summary>
public static class ServiceProcess
{
    /// <summary>
    /// Builds and runs a process; a misconfiguration found while building or starting ends it with one line and exit
    /// code 2. <paramref name="run"/> replaces <see cref="WebApplication.RunAsync(string?)"/> for a verb.
    /// </summary>
    public static async Task<int> RunAsync(string name, Func<WebApplication> build, Func<WebApplication, Task<int>>? run = null)
    {
        WebApplication app;
        try
        {
            app = build();
        }
        catch (StartupException e)
        {
            await Console.Error.WriteLineAsync($"{name} cannot start: {e.Message}");
            return 2;
        }
        try
        {
            if (run is not null)
                return await run(app);
            await app.RunAsync();
            return 0;
        }
        catch (StartupException e)
        {
            app.Logger.LogCritical("{Name} cannot start: {Reason}", name, e.Message);
            await Console.Error.WriteLineAsync($"{name} cannot start: {e.Message}");
            return 2;
        }
    }

    /// <summary>The clock, the tenants and their administrations, and problem details for what goes wrong.</summary>
    public static IServiceCollection AddServiceBasics(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sp => Tenancy.Tenants.FromConfiguration(sp.GetRequiredService<IConfiguration>()));
        services.AddHttpClient();
        services.AddProblemDetails();
        services.AddExceptionHandler<BadRequestProblems>();
        services.AddExceptionHandler<UnavailableProblems>();
        return services;
    }

    /// <summary>
    /// For processes whose endpoints speak JSON (the API, the worker's operator endpoints): enums by name, and an
    /// unreadable body reaches <see cref="BadRequestProblems"/> instead of becoming a bare 400.
    /// </summary>
    public static IServiceCollection AddJsonEndpoints(this IServiceCollection services)
    {
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        return services;
    }

    /// <summary>Fails at start-up, not at the first request, when the tenants or their administrations are misconfigured.</summary>
    public static void CheckTenants(this WebApplication app) => StartupException.Checked(app.Services.GetRequiredService<Tenancy.Tenants>);

    /// <summary>
    /// <c>/health</c>, <c>/health/live</c>, <c>/health/ready</c> and <c>/metrics</c>, without sign-in: counts and timings,
    /// no names or amounts, for the platform's network rather than the public one.
    /// </summary>
    public static void MapServiceProbes(this WebApplication app)
    {
        app.MapGet("/health", () => Results.Ok(new { status = "ok" })).WithName("Health").WithTags("Operations").AllowAnonymous();
        app.MapAankopenProbes();
        app.MapAankopenMetrics().AllowAnonymous();
    }
}
