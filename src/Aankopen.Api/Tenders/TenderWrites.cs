using Aankopen.Domain;
using Aankopen.Domain.Tenders;
using Aankopen.Domain.Tenders.Thresholds;
using Aankopen.Edge.Http;
using Aankopen.Store.Streams;
using Aankopen.Store.Tenders;
using Aankopen.Store.Tenders.ReadModels;

namespace Aankopen.Api.Tenders;

/// <summary>Changes an existing tender through <see cref="StreamWrites"/>, answering with the tender as the API shows it.</summary>
public sealed class TenderWrites(StreamWrites writes, ProcedureThresholds thresholds, OrderWarning warning)
{
    public delegate Decision Decide(JointTender tender, string actor, DateTimeOffset now);

    public Task<IResult> ExecuteAsync(HttpContext http, Guid id, Decide decide, CancellationToken ct) =>
        writes.ExecuteAsync(http, id, new StreamWrites.Stream<TenderRecord, JointTender>(
                TenderNotFound, TenderRecords.Records, TenderViews.Involves, (state, version, scope) => state.ToView(version, thresholds, scope, warning)),
            (tender, actor, now) => decide(tender, actor, now), ct);

    public static IResult TenderNotFound(HttpContext http, Guid id) =>
        Problems.Single(http, StatusCodes.Status404NotFound, "tender-not-found", id);
}
