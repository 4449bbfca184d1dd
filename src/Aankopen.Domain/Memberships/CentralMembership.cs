namespace Aankopen.Domain.Memberships;

/// <summary>One administration's membership of one purchasing central, folded from its events. Immutable.</summary>
public sealed record CentralMembership(
    Guid Id,
    string Administration,
    string Central,
    string DecidingBody,
    DateOnly DecisionDate,
    string DecisionReference,
    MembershipScope Scope,
    DateOnly Start,
    DateOnly? End,
    int NoticeMonths,
    bool Terminated,
    string? EndReason)
{
    public static CentralMembership Create(MembershipJoined e) => new(
        e.MembershipId, e.Administration, e.Central, e.DecidingBody, e.DecisionDate, e.DecisionReference, e.Scope, e.Start, e.End,
        e.NoticeMonths, false, null);

    public CentralMembership Apply(MembershipScopeChanged e) => this with { Scope = e.Scope, DecisionReference = e.DecisionReference };

    public CentralMembership Apply(MembershipRenewed e) => this with { End = e.NewEnd, DecisionReference = e.DecisionReference };

    public CentralMembership Apply(MembershipEnded e) => this with { End = e.EndsOn, Terminated = true, EndReason = e.Reason };

    /// <summary>Whether the membership covers a day: from its start, up to and including its end.</summary>
    public bool ActiveOn(DateOnly day) => day >= Start && (End is null || day <= End);

    /// <summary>The last day a termination can still be notified for the current end; null when open-ended.</summary>
    public DateOnly? NoticeDeadline => End?.AddMonths(-NoticeMonths);

    public static CentralMembership? Fold(IEnumerable<object> events) => events.Aggregate((CentralMembership?)null, Transition);

    // Not named Evolve: Marten's source generator would take a static Evolve for its own aggregation convention.
    public static CentralMembership? Transition(CentralMembership? state, object @event) => (state, @event) switch
    {
        (null, MembershipJoined e) => Create(e),
        (not null, MembershipScopeChanged e) => state.Apply(e),
        (not null, MembershipRenewed e) => state.Apply(e),
        (not null, MembershipEnded e) => state.Apply(e),
        _ => throw new InvalidOperationException($"Event {@event.GetType().Name} cannot follow {(state is null ? "an empty stream" : "a membership")}."),
    };
}
