using Aankopen.Contracts.Api.V1;
using Aankopen.Domain.Tenders;
using Aankopen.Edge.Security;
using Aankopen.Store.Tenders.ReadModels;
using Marten;

namespace Aankopen.Api.Memberships;

/// <summary>
/// <c>GET /api/memberships/through</c>: which administrations buy through another acting as purchasing central, for
/// which tender; beside the memberships of outside centrals, the other way the seeds name of buying through someone.
/// </summary>
public static class BuyingThroughEndpoint
{
    public static async Task<IResult> List(string? administration, HttpContext http, IQuerySession session, CancellationToken ct)
    {
        var scope = http.ScopeOf();
        var tenders = await session.Query<TenderRecord>().Where(r => r.State.Arrangement == Arrangement.OnBehalf)
            .OrderBy(r => r.Reference).Select(r => r.State).ToListAsync(ct);
        var rows = tenders.SelectMany(t => t.BuyingThroughLead().Select(a => new BuyingThroughView(a, t.LeadAdministration, t.Id, t.Reference, t.TitleNl,
                t.TitleFr, t.Status.ToString())))
            .Where(v => administration is null || v.Administration == administration || v.Through == administration)
            // Each caller sees what its own administrations buy through, or for, others; the cell and auditors see all.
            .Where(v => scope.SeesAll || scope.Administrations.Contains(v.Administration) || scope.Administrations.Contains(v.Through))
            .ToArray();
        return TypedResults.Ok(rows);
    }
}
