using Aankopen.Api.Shared.Streams;
using Aankopen.Api.Tenders.ReadModels;
using Aankopen.Domain;
using Aankopen.Domain.Tenders;
using Aankopen.Domain.Tenders.Thresholds;
using Aankopen.Edge.Http;

namespace Aankopen.Api.Tenders;

/// <summary>Changes an existing tender through <see cref="StreamWrites"/>, answering with the tender as the API shows it.</summary>
public sealed class TenderWrites(StreamWrites writes, ProcedureThresholds thresholds)
{
    public delegate Decision Decide(JointTender tender, string actor, DateTimeOffset now);

    public Task<IResult> ExecuteAsync(HttpContext http, Guid id, Decide decide, CancellationToken ct) =>
        writes.ExecuteAsync(http, id, new StreamWrites.Stream<TenderRecord, JointTender>(
                TenderNotFound, Records, TenderViews.Involves, (state, version, scope) => state.ToView(version, thresholds, scope)),
            (tender, actor, now) => decide(tender, actor, now), ct);

    /// <summary>A tender as its page and its writes read it: its record, or its events while a rebuild rewrites the record.</summary>
    public static readonly StreamRecords<TenderRecord, JointTender> Records = new(TenderEventTypes.All, JointTender.Transition, TenderRecord.From);

    /// <summary>
    /// Whether a stream read by id is a tender's: a membership's id asked for as a tender is "not found", never a
    /// membership's events shown as a tender's history.
    /// </summary>
    public static bool IsTender(IReadOnlyList<JasperFx.Events.IEvent> events) => events.Count > 0 && events[0].Data is TenderOpened;

    public static IResult TenderNotFound(HttpContext http, Guid id) =>
        Problems.Single(http, StatusCodes.Status404NotFound, "tender-not-found", id);
}
