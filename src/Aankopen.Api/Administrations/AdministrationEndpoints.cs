using Aankopen.Contracts.Api.V1;

namespace Aankopen.Api.Administrations;

public static class AdministrationEndpoints
{
    public static IEndpointRouteBuilder MapAdministrationEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/administrations").WithTags("Administrations")
            .MapGet("/", List).WithName("ListAdministrations").WithSummary("The administrations of this deployment");
        return app;
    }

    public static IReadOnlyList<AdministrationView> List(AdministrationDirectory directory) =>
        directory.All.Select(a => new AdministrationView(a.Code, a.NameNl, a.NameFr, a.EnterpriseNumber, a.Kind.ToString())).ToArray();
}
