using Aankopen.Domain.Administrations;

namespace Aankopen.Domain.Memberships;

public sealed record JoinCentralCommand(
    Guid MembershipId,
    string Administration,
    string Central,
    string DecidingBody,
    DateOnly DecisionDate,
    string DecisionReference,
    MembershipScope? Scope,
    DateOnly Start,
    DateOnly? End,
    int NoticeMonths,
    string Actor);

/// <summary>The four decisions of a membership's life. Each is pure: state, command and clock in, events or refusals out.</summary>
public static class MembershipDeciders
{
    public static Decision Join(JoinCentralCommand c, AdministrationDirectory administrations, IReadOnlySet<string> centrals,
        IReadOnlyList<CentralMembership> existing, DateTimeOffset now)
    {
        var today = BrusselsCalendar.DateOf(now);
        var errors = new List<DomainError?>
        {
            InputChecks.MissingText(c.DecidingBody, "decidingBody", 200, "deciding-body"),
            MembershipRules.MissingDecisionReference(c.DecisionReference),
        };
        if (!administrations.Contains(c.Administration))
            errors.Add(InputChecks.UnknownAdministration(c.Administration, "administration", administrations.All.Select(a => a.Code)));
        if (!centrals.Contains(c.Central))
            errors.Add(DomainError.Invalid("central-unknown", "central", InputChecks.Shorten(c.Central)));
        errors.AddRange(MembershipRules.CheckScope(c.Scope));
        if (c.DecisionDate > today || c.DecisionDate.Year < 2000)
            errors.Add(DomainError.Invalid("decision-date-invalid", "decisionDate"));
        if (c.End is { } end && end < c.Start)
            errors.Add(DomainError.Invalid("membership-period-invalid", "end"));
        if (c.NoticeMonths is < 0 or > MembershipRules.MaxNoticeMonths)
            errors.Add(DomainError.Invalid("notice-period-invalid", "noticeMonths", MembershipRules.MaxNoticeMonths));
        var refusals = errors.OfType<DomainError>().ToList();
        if (refusals.Count > 0)
            return Decision.Refuse(refusals);
        if (existing.FirstOrDefault(m => Overlaps(m, c.Start, c.End)) is { } overlapping)
            return overlapping.End is { } overlapEnd
                ? DomainError.Conflict("membership-overlaps", c.Administration, c.Central, Spoken.Date(overlapping.Start), Spoken.Date(overlapEnd))
                : DomainError.Conflict("membership-overlaps/open-ended", c.Administration, c.Central, Spoken.Date(overlapping.Start));

        return Decision.Accept(new MembershipJoined(c.MembershipId, c.Administration, c.Central, c.DecidingBody.Trim(), c.DecisionDate,
            c.DecisionReference.Trim(), MembershipRules.Normalise(c.Scope!), c.Start, c.End, c.NoticeMonths, c.Actor, now));
    }

    public static Decision ChangeScope(CentralMembership m, MembershipScope? scope, string decisionReference, string actor, DateTimeOffset now)
    {
        if (Ended(m) is { } ended)
            return ended;
        var errors = MembershipRules.CheckScope(scope).Append(MembershipRules.MissingDecisionReference(decisionReference)).OfType<DomainError>().ToList();
        if (errors.Count > 0)
            return Decision.Refuse(errors);
        return Decision.Accept(new MembershipScopeChanged(m.Id, MembershipRules.Normalise(scope!), decisionReference.Trim(), actor, now));
    }

    public static Decision Renew(CentralMembership m, DateOnly? newEnd, string decisionReference, string actor, DateTimeOffset now)
    {
        if (Ended(m) is { } ended)
            return ended;
        // Giving an open-ended membership an end would shorten it: that is ending it, with its notice period.
        if (m.End is null)
            return DomainError.Conflict("membership-open-ended");
        if (newEnd is { } end && m.End is { } current && end <= current)
            return DomainError.Invalid("renewal-end-invalid", "newEnd", Spoken.Date(current));
        if (MembershipRules.MissingDecisionReference(decisionReference) is { } missing)
            return missing;
        return Decision.Accept(new MembershipRenewed(m.Id, newEnd, decisionReference.Trim(), actor, now));
    }

    /// <summary>Ending respects the notice period: the end can be no earlier than the notice period from today.</summary>
    public static Decision End(CentralMembership m, DateOnly endsOn, string reason, string actor, DateTimeOffset now)
    {
        if (Ended(m) is { } ended)
            return ended;
        var earliest = BrusselsCalendar.DateOf(now).AddMonths(m.NoticeMonths);
        var errors = new List<DomainError?> { InputChecks.MissingText(reason, "reason", 1000, "reason") };
        if (endsOn < m.Start || (m.End is { } end && endsOn > end))
            errors.Add(m.End is { } currentEnd
                ? DomainError.Invalid("end-date-invalid", "endsOn", Spoken.Date(m.Start), Spoken.Date(currentEnd))
                : DomainError.Invalid("end-date-invalid/open-ended", "endsOn", Spoken.Date(m.Start)));
        else if (endsOn < earliest)
            errors.Add(DomainError.Invalid("notice-too-short", "endsOn", m.NoticeMonths, Spoken.Date(earliest)));
        var refusals = errors.OfType<DomainError>().ToList();
        if (refusals.Count > 0)
            return Decision.Refuse(refusals);
        return Decision.Accept(new MembershipEnded(m.Id, endsOn, reason.Trim(), actor, now));
    }

    private static DomainError? Ended(CentralMembership m) =>
        m.Terminated
            ? DomainError.Conflict("membership-ended", Spoken.Date(m.End), m.EndReason)
            : null;

    private static bool Overlaps(CentralMembership m, DateOnly start, DateOnly? end) =>
        (m.End is null || start <= m.End) && (end is null || m.Start <= end);
}
