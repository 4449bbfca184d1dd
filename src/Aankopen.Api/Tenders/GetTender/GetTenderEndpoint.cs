using Aankopen.Domain.Tenders.Thresholds;
using Aankopen.Edge.Http;
using Aankopen.Edge.Security;
using Aankopen.Store.Tenders;
using Marten;

namespace Aankopen.Api.Tenders.GetTender;

public static class GetTenderEndpoint
{
    public static async Task<IResult> Handle(
        Guid tenderId, HttpContext http, IQuerySession session, ProcedureThresholds thresholds, OrderWarning warning, CancellationToken ct)
    {
        var record = await TenderRecords.Records.LoadAsync(session, tenderId, ct);
        var scope = http.ScopeOf();
        if (record is null || !record.State.Involves(scope))
            return TenderWrites.TenderNotFound(http, tenderId);
        StreamVersions.SetETag(http, record.Version);
        return TypedResults.Ok(record.State.ToView(record.Version, thresholds, scope, warning));
    }
}
