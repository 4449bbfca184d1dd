using JasperFx.Events;
using Marten;
using Marten.Events.Projections;

namespace Aankopen.Api.Tenders.ReadModels;

/// <summary>
/// Fans each tender event out to a <see cref="Participation"/> per invited administration. Only the opening names
/// the invited administrations, so later events find them in this batch's openings or in the participations
/// already stored.
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
            var stored = await session.Query<Participation>().Where(p => unknown.Contains(p.TenderId))
                .Select(p => new { p.TenderId, p.Administration }).ToListAsync();
            foreach (var tender in stored.GroupBy(p => p.TenderId))
                invited[tender.Key] = tender.Select(p => p.Administration).ToArray();
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
}
