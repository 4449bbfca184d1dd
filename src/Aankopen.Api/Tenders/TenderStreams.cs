using Marten;

namespace Aankopen.Api.Tenders;

/// <summary>Reads a tender by folding its stream: the events are the truth, the state is derived on demand.</summary>
public static class TenderStreams
{
    public sealed record Loaded(JointTender Tender, long Version);

    /// <param name="upToVersion">0 for the latest version.</param>
    public static async Task<Loaded?> LoadAsync(IQuerySession session, Guid id, CancellationToken ct, long upToVersion = 0)
    {
        var events = await session.Events.FetchStreamAsync(id, upToVersion, token: ct);
        if (events.Count == 0 || JointTender.Fold(events.Select(e => e.Data)) is not { } tender)
            return null;
        return new Loaded(tender, events[^1].Version);
    }
}
