using Aankopen.Edge;
using Aankopen.Edge.Hosting;
using Aankopen.Edge.Http;
using Aankopen.Edge.Security;
using Aankopen.Observability;
using Aankopen.Web.Sessions;

namespace Aankopen.Web;

public sealed class Program
{
    private Program() { }

    public static Task<int> Main(string[] args) => ServiceProcess.RunAsync("Aankopen web application", () => Build(args));

    /// <param name="overrides">Replaces registrations after all others, e.g. the clock in tests that move time.</param>
    public static WebApplication Build(string[] args, Action<IServiceCollection>? overrides = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        var services = builder.Services;
        StartupException.Checked(() => builder.AddAankopenTelemetry("aankopen-web"));

        // The tenants too: the policies check a page's administration against the person's tenant, as the API does.
        services.AddServiceBasics();
        services.AddAankopenSecurity(builder.Configuration, PageSignIn.Add);
        services.AddAankopenPages(builder.Configuration);
        services.AddWebHealthChecks();

        overrides?.Invoke(services);
        var app = builder.Build();
        app.CheckTenants();

        app.UseCorrelationIds();
        app.UseExceptionHandler();
        app.UseStatusProblems();
        app.UseAankopenPages();
        app.UseAankopenSecurity();
        app.MapServiceProbes();
        app.MapAuditPages();
        app.MapAankopenPages();
        return app;
    }
}
