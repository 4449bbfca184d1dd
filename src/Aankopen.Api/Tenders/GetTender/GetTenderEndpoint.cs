using Aankopen.Api.Shared.Http;
using Marten;

namespace Aankopen.Api.Tenders.GetTender;

public static class GetTenderEndpoint
{
    public static async Task<IResult> Handle(Guid tenderId, HttpContext http, IQuerySession session, CancellationToken ct)
    {
        var loaded = await TenderStreams.LoadAsync(session, tenderId, ct);
        if (loaded is null)
            return TenderWrites.TenderNotFound(http, tenderId);
        StreamVersions.SetETag(http, loaded.Version);
        return TypedResults.Ok(loaded.Tender.ToView(loaded.Version));
    }
}
