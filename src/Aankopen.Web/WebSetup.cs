using Aankopen.Web.Sessions;
namespace Aankopen.Web;

/// <summary>
/// The web application for the purchasing cell and the administrations: server-rendered Razor Pages, no front-end
/// build. Pages sign people in through the identity provider (cookie session), protect every form
/// with an anti-forgery token, and call the API with the person's own token.
/// </summary>
public static class WebSetup
{
    private static readonly Lazy<string> StyleSheet = new(() =>
    {
        using var stream = typeof(WebSetup).Assembly.GetManifestResourceStream("site.css")!;
        return new StreamReader(stream).ReadToEnd();
    });

    public static IServiceCollection AddAankopenPages(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddRazorPages(o => o.RootDirectory = "/Pages");
        // The API decides what is required and says so at the field; the pages must not refuse first, in other words.
        services.Configure<Microsoft.AspNetCore.Mvc.MvcOptions>(o => o.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true);
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "aankopen.antiforgery";
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.AddHttpContextAccessor();
        services.AddTransient<PersonsToken>();
        services.AddHttpClient(PageApi.Client).AddHttpMessageHandler<PersonsToken>();
        var api = Edge.StartupException.Checked(() => PageApi.AddressFrom(configuration));
        services.AddSingleton(sp => new PageApi(sp.GetRequiredService<IHttpClientFactory>(), api));
        SessionStore.Use(services, configuration);
        return services;
    }

    public static WebApplication UseAankopenPages(this WebApplication app)
    {
        // The language middleware for pages only: the API's JSON is the same in every language.
        app.UseWhen(http => !Edge.Security.SignIn.UsesBearer(http), page => page.UsePageLanguage());
        return app;
    }

    public static WebApplication MapAankopenPages(this WebApplication app)
    {
        app.MapRazorPages();
        app.MapGet("/css/site.css", (HttpContext http) =>
        {
            http.Response.Headers.CacheControl = "public, max-age=3600";
            return Results.Text(StyleSheet.Value, "text/css; charset=utf-8");
        }).AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/language/{to:regex(^(nl|fr)$)}", (string to, string? returnUrl, HttpContext http) => Language.Choose(to, returnUrl, http))
            .AllowAnonymous().ExcludeFromDescription();
        return app;
    }
}
