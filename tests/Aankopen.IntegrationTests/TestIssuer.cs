using Aankopen.Client;
using Aankopen.Contracts.Api.V1;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Aankopen.IntegrationTests;

/// <summary>
/// The local development issuer, started once for the whole test run: every API the tests start accepts its tokens,
/// and every client signs in through it as the user its X-Aankopen-Actor header names.
/// </summary>
public static class TestIssuer
{
    private static readonly Lazy<Task<Uri>> Started = new(async () =>
    {
        var issuer = Aankopen.DevIssuer.Program.Build(["--urls=http://127.0.0.1:0"]);
        await issuer.StartAsync();
        return new Uri(issuer.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    });

    public static Uri Address => Started.Value.GetAwaiter().GetResult();

    /// <summary>A client of an API at <paramref name="baseAddress"/>, signed in as the purchasing cell unless a request names someone else.</summary>
    public static HttpClient Client(Uri baseAddress, string defaultUser = TestUsers.Cell) =>
        new(new DevIssuerTokens(Address, TestUsers.Describe, defaultUser)) { BaseAddress = baseAddress };
}

/// <summary>Who the tests act as; the name says the role, so that a test reads like who does what.</summary>
public static class TestUsers
{
    public const string Cell = "aankoopcel@jette.example";
    public const string Auditor = "auditor@jette.example";

    /// <summary>Runs the deployment: replays, rebuilds, configuration checks; sees no tender.</summary>
    public const string Operator = "operator@jette.example";

    /// <summary>Someone of the given administration (opt-ins, withdrawals, declined renewals, its own figures).</summary>
    public static string Of(string administration) => $"{administration.ToLowerInvariant()}@jette.example";

    /// <summary>An administration's finance integration: its delivery status only.</summary>
    public static string FinanceOf(string administration) => $"finance.{administration.ToLowerInvariant()}@jette.example";

    /// <summary>The second municipality's purchasing cell, and someone of one of its administrations.</summary>
    public const string OtherCell = "cel@molenbeek.example";

    public static string OfOther(string administration) => $"{administration.ToLowerInvariant()}@molenbeek.example";

    /// <summary>A purchasing cell of a municipality this deployment does not serve.</summary>
    public const string UnknownTenantCell = "cel@elders.example";

    public static DevTokenRequest Describe(string user) => user switch
    {
        OtherCell => new(user, [Access.Roles.PurchasingCell], Tenant: RunningSystem.OtherTenant),
        UnknownTenantCell => new(user, [Access.Roles.PurchasingCell], Tenant: "elders"),
        _ when user.EndsWith("@molenbeek.example", StringComparison.Ordinal) =>
            new(user, [Access.Roles.AdministrationUser], [user[..user.IndexOf('@')].ToUpperInvariant()], Tenant: RunningSystem.OtherTenant),
        Cell or "tester@jette.example" or "tester" => new(user, [Access.Roles.PurchasingCell]),
        Auditor => new(user, [Access.Roles.Auditor]),
        Operator => new(user, [Access.Roles.Operator]),
        _ when user.StartsWith("finance.", StringComparison.Ordinal) && user.EndsWith("@jette.example", StringComparison.Ordinal) =>
            new(user, [Access.Roles.FinanceIntegration], [user["finance.".Length..user.IndexOf('@')].ToUpperInvariant()]),
        _ when user.EndsWith("@jette.example", StringComparison.Ordinal) =>
            new(user, [Access.Roles.AdministrationUser], [user[..user.IndexOf('@')].ToUpperInvariant()]),
        _ => throw new ArgumentException($"No test user '{user}': add it to TestUsers.Describe.", nameof(user)),
    };
}
