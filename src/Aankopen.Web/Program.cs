using Aankopen.Edge;
using Aankopen.Edge.Http;
using Aankopen.Edge.Security;
using Aankopen.Observability;
using Aankopen.Web.Sessions;

namespace Aankopen.Web;

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
            await Console.Error.WriteLineAsync($"Aankopen web application cannot start: {e.Message}");
            return 2;
        }
        try
        {
            await app.RunAsync();
            return 0;
        }
        catch (StartupException e)
        {
            app.Logger.LogCritical("Aankopen web application cannot start: {Reason}", e.Message);
            await Console.Error.WriteLineAsync($"Aankopen web application cannot start: {e.Message}");
            return 2;
        }
    }

    /// <param name="overrides">Replaces registrations after all others, e.g. the clock in tests that move time.</param>
    public static WebApplication Build(string[] args, Action<IServiceCollection>? overrides = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        var services = builder.Services;
        StartupException.Checked(() => builder.AddAankopenTelemetry("aankopen-web"));

        services.AddSingleton(TimeProvider.System);
        // The policies check a page's administration against the person's tenant, as the API does.
        services.AddSingleton(sp => Edge.Tenancy.Tenants.FromConfiguration(sp.GetRequiredService<IConfiguration>()));
        services.AddAankopenSecurity(builder.Configuration, PageSignIn.Add);
        services.AddAankopenPages(builder.Configuration);
        services.AddWebHealthChecks();
        services.AddHttpClient();
        services.AddProblemDetails();
        services.AddExceptionHandler<BadRequestProblems>();
        services.AddExceptionHandler<UnavailableProblems>();

        overrides?.Invoke(services);
        var app = builder.Build();
        StartupException.Checked(app.Services.GetRequiredService<Edge.Tenancy.Tenants>);

        app.UseCorrelationIds();
        app.UseExceptionHandler();
        app.UseStatusProblems();
        app.UseAankopenPages();
        app.UseAankopenSecurity();
        app.MapGet("/health", () => Results.Ok(new { status = "ok" })).AllowAnonymous().ExcludeFromDescription();
        app.MapAankopenProbes();
        app.MapAankopenMetrics().AllowAnonymous();
        app.MapAuditPages();
        app.MapAankopenPages();
        return app;
    }
}
