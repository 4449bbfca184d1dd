using Aankopen.Domain.Administrations;
using Marten;

namespace Aankopen.Store.Administrations;

/// <summary>The registered administrations, as the deciders need them, from the database.</summary>
public static class AdministrationLoading
{
    public static async Task<AdministrationDirectory> LoadAdministrationsAsync(this IQuerySession session, CancellationToken ct) =>
        AdministrationDirectory.Of((await session.Query<AdministrationRecord>().ToListAsync(ct)).Select(r => r.ToAdministration()));
}
