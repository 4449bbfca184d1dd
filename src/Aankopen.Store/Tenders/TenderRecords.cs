using Aankopen.Domain.Tenders;
using Aankopen.Store.Streams;
using Aankopen.Store.Tenders.ReadModels;

namespace Aankopen.Store.Tenders;

/// <summary>The tenders' streams as the API's writes and the service's own decisions read and append them.</summary>
public static class TenderRecords
{
    /// <summary>A tender as its page and its writes read it: its record, or its events while a rebuild rewrites the record.</summary>
    public static readonly StreamRecords<TenderRecord, JointTender> Records = new(TenderEventTypes.All, JointTender.Transition, TenderRecord.From);

    /// <summary>
    /// Whether a stream read by id is a tender's: a membership's id asked for as a tender is "not found", never a
    /// membership's events shown as a tender's history.
    /// </summary>
    public static bool IsTender(IReadOnlyList<JasperFx.Events.IEvent> events) => events.Count > 0 && events[0].Data is TenderOpened;
}
