using Aankopen.Contracts.Api.V1;
using Aankopen.Domain.Tenders;
using Aankopen.Edge.Http;
using Aankopen.Store.Tenders;
using Marten;

namespace Aankopen.Api.Tenders.History;

public static class TenderHistoryEndpoint
{
    /// <summary>The stream itself is the audit trail: every fact, oldest first, with who recorded it and when.</summary>
    public static async Task<IResult> Handle(Guid tenderId, HttpContext http, IQuerySession session, CancellationToken ct)
    {
        var events = await session.Events.FetchStreamAsync(tenderId, token: ct);
        if (!TenderRecords.IsTender(events))
            return TenderWrites.TenderNotFound(http, tenderId);
        return TypedResults.Ok(events.Select(e => new HistoryEntryView(e.Version, e.Data.GetType().Name, ActorOf(e.Data), e.Timestamp, e.Data, e.CorrelationId, CorrelationIds.CallerOf(e.Headers))).ToArray());
    }

    private static string ActorOf(object data) => data switch
    {
        TenderOpened e => e.OpenedBy,
        OptInOpened e => e.OpenedBy,
        LotAdded e => e.AddedBy,
        LotChanged e => e.ChangedBy,
        LotRemoved e => e.RemovedBy,
        OptedIn e => e.OptedInBy,
        OptInWithdrawn e => e.WithdrawnBy,
        OptInClosed e => e.ClosedBy,
        TenderPublished e => e.PublishedBy,
        LotAwarded e => e.AwardedBy,
        LotNotAwarded e => e.DecidedBy,
        TenderCancelled e => e.CancelledBy,
        LotTerminated e => e.TerminatedBy,
        RenewalBecameDue e => e.RecordedBy,
        RenewalDeclined e => e.DeclinedBy,
        LotRenewed e => e.RenewedBy,
        LotEnded e => e.RecordedBy,
        LotNotRenewed e => e.DecidedBy,
        DecisionRecorded e => e.RecordedBy,
        DecisionSupervised e => e.RecordedBy,
        OrderRecorded e => e.RecordedBy,
        ShareCeilingRaised e => e.RaisedBy,
        _ => "",
    };
}
