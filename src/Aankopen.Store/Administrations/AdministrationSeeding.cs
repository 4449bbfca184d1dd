using Aankopen.Domain.Administrations;
using Marten;

namespace Aankopen.Store.Administrations;

/// <summary>
/// Registers the configured administrations that are not registered yet, in each tenant. It never overwrites: once
/// registered, an administration is changed through the API, where the change is recorded with who made it.
/// </summary>
public sealed class AdministrationSeeding(IDocumentStore store, Edge.Tenancy.Tenants tenants, TimeProvider clock) : IHostedService
{
    public const string Actor = "configuration";

    public async Task StartAsync(CancellationToken ct)
    {
        foreach (var tenant in tenants.Ids)
            await SeedAsync(tenant, tenants.AdministrationsOf(tenant), ct);
    }

    private async Task SeedAsync(string tenant, AdministrationDirectory configured, CancellationToken ct)
    {
        await using var session = store.LightweightSession(tenant);
        var registered = (await session.Query<AdministrationRecord>().Select(r => r.Id).ToListAsync(ct)).ToHashSet();
        var now = clock.GetUtcNow();
        foreach (var a in configured.All.Where(a => !registered.Contains(a.Code)))
            session.Insert(AdministrationRecord.Registered(a, Actor, now));
        try
        {
            await session.SaveChangesAsync(ct);
        }
        catch (JasperFx.DocumentAlreadyExistsException)
        {
            // Another API replica registered them in the same instant; what it wrote is the same configuration.
        }
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
