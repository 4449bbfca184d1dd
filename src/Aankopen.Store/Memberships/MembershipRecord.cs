using Aankopen.Domain.Memberships;
using Aankopen.Store.Streams;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Aankopen.Store.Memberships;

/// <summary>A membership as stored for reading, written inline with its events; the columns are what queries filter on.</summary>
public sealed record MembershipRecord(
    Guid Id,
    long Version,
    CentralMembership State,
    string Administration,
    string Central,
    DateOnly Start,
    DateOnly? End) : IStreamRecord<CentralMembership>
{
    public static MembershipRecord From(CentralMembership m, long version) => new(m.Id, version, m, m.Administration, m.Central, m.Start, m.End);
}

public sealed class MembershipRecordProjection : SingleStreamProjection<MembershipRecord, Guid>
{
    public MembershipRecordProjection()
    {
        foreach (var type in MembershipEventTypes.All)
            IncludeType(type);
    }

    public override MembershipRecord? Evolve(MembershipRecord? snapshot, Guid id, IEvent e) =>
        CentralMembership.Transition(snapshot?.State, e.Data) is { } state ? MembershipRecord.From(state, e.Version) : snapshot;
}
