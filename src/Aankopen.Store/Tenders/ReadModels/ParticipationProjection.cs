using Aankopen.Domain.Tenders;
using JasperFx.Events;
using Marten;
using Marten.Events.Projections;

namespace Aankopen.Store.Tenders.ReadModels;

/// <summary>
/// Fans each tender event out to a <see cref="Participation"/> per invited administration. Only the opening names
/// the invited administrations, so later events find them in this batch's openings or in the tender's opening event
/// (the first of its stream). Not in the participations already stored: while a rebuild runs, a participation folded
/// in an earlier page may not be written yet, and a tender whose events spread over pages lost its later events.
/// </summary>
public sealed class ParticipationProjection : MultiStreamProjection<Participation, string>
{
    public ParticipationProjection()
    {
        foreach (var type in TenderEventTypes.All)
            IncludeType(type);
        CustomGrouping(GroupAsync);
        Infrastructure.RebuildTuning.Apply(Options);
    }

    private static async Task GroupAsync(IQuerySession session, IReadOnlyList<IEvent> events, JasperFx.Events.Grouping.IEventGrouping<string> grouping)
    {
        var invited = events.Select(e => e.Data).OfType<TenderOpened>()
            .ToDictionary(o => o.TenderId, o => o.InvitedAdministrations);
        var unknown = events.Select(e => e.StreamId).Distinct().Where(id => !invited.ContainsKey(id)).ToArray();
        if (unknown.Length > 0)
        {
            // One indexed read: the unique index on (tenant, stream, version) finds each stream's first event.
            var openings = await session.Events.QueryAllRawEvents().Where(e => unknown.Contains(e.StreamId) && e.Version == 1).ToListAsync();
            foreach (var opening in openings.Select(e => e.Data).OfType<TenderOpened>())
                invited[opening.TenderId] = opening.InvitedAdministrations;
        }
        foreach (var e in events)
            foreach (var administration in invited.GetValueOrDefault(e.StreamId) ?? [])
                grouping.AddEvent(Participation.IdFor(e.StreamId, administration), e);
    }

    public override Participation? Evolve(Participation? snapshot, string id, IEvent e) => (snapshot, e.Data) switch
    {
        (null, TenderOpened opened) => Participation.Start(opened, id[(id.IndexOf('/') + 1)..]),
        (null, _) => null,
        _ => snapshot.Following(e.Data),
    };

    /// <summary>What <see cref="Evolve"/> gives for every invited administration after these events of one tender (its
    /// opening first), folded at once.</summary>
    public static IEnumerable<Participation> Folded(IReadOnlyList<object> events) => events is [TenderOpened opened, ..]
        ? opened.InvitedAdministrations.Select(a => events.Skip(1).Aggregate(Participation.Start(opened, a), (p, e) => p.Following(e)))
        : [];
}
