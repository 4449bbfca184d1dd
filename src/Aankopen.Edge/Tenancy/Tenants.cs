using Aankopen.Domain.Administrations;

namespace Aankopen.Edge.Tenancy;

/// <summary>
/// The municipalities' groups of administrations this deployment serves, each a tenant: its tenders, memberships,
/// read models and finance messages are invisible to every other. <c>Administrations</c> configures the
/// <see cref="Default"/> tenant (a deployment for one municipality needs nothing more); <c>Tenants:N:Id</c> with
/// <c>Tenants:N:Administrations</c> adds further ones. A user's tenant is the <c>aankopen_tenant</c> claim of their
/// token, or the default tenant when the token has none.
/// </summary>
public sealed class Tenants
{
    public const string Default = "default";

    private readonly Dictionary<string, AdministrationDirectory> administrations;

    private Tenants(Dictionary<string, AdministrationDirectory> administrations) => this.administrations = administrations;

    public IReadOnlyCollection<string> Ids => administrations.Keys;

    public bool Contains(string? tenant) => tenant is not null && administrations.ContainsKey(tenant);

    /// <summary>The administrations configured for a tenant (more may be registered through the API).</summary>
    public AdministrationDirectory AdministrationsOf(string tenant) => administrations[tenant];

    /// <summary>The configured tenants, or an exception naming every problem in them.</summary>
    public static Tenants FromConfiguration(IConfiguration configuration)
    {
        var problems = new List<string>();
        var all = new Dictionary<string, AdministrationDirectory>();
        void Add(string id, string section, IReadOnlyList<ConfiguredAdministration> configured)
        {
            if (!Contracts.Finance.V1.FinanceRouting.IsValidTenant(id))
                problems.Add($"{section}: tenant id '{id}' must be 2 to 40 of a-z, 0-9 and '-', starting with a letter or digit.");
            else if (all.ContainsKey(id))
                problems.Add($"{section}: tenant '{id}' is configured twice.");
            else
                try
                {
                    all[id] = AdministrationDirectory.FromConfiguration(configured);
                }
                catch (InvalidOperationException e)
                {
                    problems.Add($"{section} (tenant {id}): {e.Message}");
                }
        }

        Add(Default, "Administrations", configuration.GetSection("Administrations").Get<List<ConfiguredAdministration>>() ?? []);
        foreach (var (tenant, i) in configuration.GetSection("Tenants").GetChildren().Select((t, i) => (t, i)))
            Add(tenant["Id"] ?? "", $"Tenants:{i}", tenant.GetSection("Administrations").Get<List<ConfiguredAdministration>>() ?? []);
        if (problems.Count > 0)
            throw new InvalidOperationException(string.Join(Environment.NewLine, problems));
        return new Tenants(all);
    }
}
