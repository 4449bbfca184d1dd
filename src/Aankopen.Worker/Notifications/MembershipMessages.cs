using Aankopen.Contracts.Finance.V1;
using Aankopen.Domain.Memberships;

namespace Aankopen.Worker.Notifications;

/// <summary>A membership change concerns one administration: its finance system hears the whole membership after it.</summary>
public static class MembershipMessages
{
    public static MembershipChanged? For(CentralMembership after, object data, PurchasingCentral? central, Guid eventId, string correlationId) =>
        data switch
        {
            MembershipJoined e => Message(after, MembershipChange.Joined, central, eventId, correlationId, e.JoinedBy, e.JoinedAt),
            MembershipScopeChanged e => Message(after, MembershipChange.ScopeChanged, central, eventId, correlationId, e.ChangedBy, e.ChangedAt),
            MembershipRenewed e => Message(after, MembershipChange.Renewed, central, eventId, correlationId, e.RenewedBy, e.RenewedAt),
            MembershipEnded e => Message(after, MembershipChange.Ended, central, eventId, correlationId, e.EndedBy, e.EndedAt),
            _ => null,
        };

    private static MembershipChanged Message(
        CentralMembership m, MembershipChange change, PurchasingCentral? central, Guid eventId, string correlationId, string by, DateTimeOffset at) =>
        new Envelope(eventId, correlationId, m.Administration).Seal(new MembershipChanged
        {
            MembershipId = m.Id,
            Change = change,
            CentralCode = m.Central,
            // A central is registered before anyone joins it; the code stands in should its record ever be missing.
            CentralNameNl = central?.NameNl ?? m.Central,
            CentralNameFr = central?.NameFr ?? m.Central,
            Categories = m.Scope.Categories,
            CpvDivisions = m.Scope.CpvDivisions,
            Start = m.Start,
            End = m.End,
            DecisionReference = m.DecisionReference,
            ChangedBy = by,
            ChangedAt = at,
        });
}
