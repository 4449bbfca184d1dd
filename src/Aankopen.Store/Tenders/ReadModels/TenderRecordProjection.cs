using Aankopen.Domain.Tenders;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Aankopen.Store.Tenders.ReadModels;

/// <summary>
/// Keeps <see cref="TenderRecord"/> by folding with the very same <see cref="JointTender.Transition"/> the deciders
/// use, so the read side can never disagree with the rules.
/// </summary>
public sealed class TenderRecordProjection : SingleStreamProjection<TenderRecord, Guid>
{
    public TenderRecordProjection()
    {
        foreach (var type in TenderEventTypes.All)
            IncludeType(type);
        Infrastructure.RebuildTuning.Apply(Options);
    }

    public override TenderRecord? Evolve(TenderRecord? snapshot, Guid id, IEvent e) =>
        JointTender.Transition(snapshot?.State, e.Data) is { } state ? TenderRecord.From(state, e.Version) : snapshot;

    /// <summary>What <see cref="Evolve"/> gives after a whole stream, folded at once into one record (a transition
    /// never leaves a tender without state).</summary>
    public static TenderRecord Folded(TenderStream stream) =>
        TenderRecord.From(JointTender.Fold(stream.Events.Select(e => e.Data))!, stream.Events[^1].Version);
}
