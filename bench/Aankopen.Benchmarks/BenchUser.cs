using Aankopen.Client;
using Aankopen.Contracts.Api.V1;

namespace Aankopen.Benchmarks;

/// <summary>
/// The one user the benchmark writes as: the purchasing cell and a user of both administrations at once, so that
/// every measured call passes the same checks a real user's would.
/// </summary>
public static class BenchUser
{
    public const string Name = "bench@aankopen.example";

    public static HttpClient Client(Uri api, Uri issuer) => new(new DevIssuerTokens(issuer,
        user => new DevTokenRequest(user, [Access.Roles.PurchasingCell, Access.Roles.AdministrationUser], ["GEMEENTE", "OCMW"]), Name))
    {
        BaseAddress = api,
    };
}
