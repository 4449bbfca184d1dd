namespace Aankopen.Domain.Memberships;

// The facts of an administration's membership of a purchasing central (art. 47 of the public procurement law):
// recorded for ever, each with who recorded it and when.

/// <summary>What an administration may buy through a central: named categories and/or CPV divisions.</summary>
public sealed record MembershipScope(IReadOnlyList<string> Categories, IReadOnlyList<int> CpvDivisions);

/// <param name="DecidingBody">Who decided to join, e.g. the college or the council (gemeenteraad, OCMW-raad).</param>
/// <param name="End">Null for an open-ended membership.</param>
/// <param name="NoticeMonths">How long before an end the membership must be terminated.</param>
public sealed record MembershipJoined(
    Guid MembershipId,
    string Administration,
    string Central,
    string DecidingBody,
    DateOnly DecisionDate,
    string DecisionReference,
    MembershipScope Scope,
    DateOnly Start,
    DateOnly? End,
    int NoticeMonths,
    string JoinedBy,
    DateTimeOffset JoinedAt);

public sealed record MembershipScopeChanged(Guid MembershipId, MembershipScope Scope, string DecisionReference, string ChangedBy, DateTimeOffset ChangedAt);

/// <param name="NewEnd">Null when the membership becomes open-ended.</param>
public sealed record MembershipRenewed(Guid MembershipId, DateOnly? NewEnd, string DecisionReference, string RenewedBy, DateTimeOffset RenewedAt);

/// <summary>The membership ends on <paramref name="EndsOn"/> (the last day it may be used).</summary>
public sealed record MembershipEnded(Guid MembershipId, DateOnly EndsOn, string Reason, string EndedBy, DateTimeOffset EndedAt);

public static class MembershipEventTypes
{
    public static readonly Type[] All = [typeof(MembershipJoined), typeof(MembershipScopeChanged), typeof(MembershipRenewed), typeof(MembershipEnded)];
}
