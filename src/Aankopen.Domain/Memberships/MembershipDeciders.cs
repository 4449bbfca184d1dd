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
            InputChecks.MissingText(c.DecidingBody, "decidingBody", 200, "het beslissend orgaan (bv. gemeenteraad)", "l'organe qui a décidé (p. ex. conseil communal)"),
            MembershipRules.MissingDecisionReference(c.DecisionReference),
        };
        if (!administrations.Contains(c.Administration))
            errors.Add(InputChecks.UnknownAdministration(c.Administration, "administration", administrations.All.Select(a => a.Code)));
        if (!centrals.Contains(c.Central))
            errors.Add(DomainError.Invalid("central-unknown", "central",
                $"Aankoopcentrale '{InputChecks.Shorten(c.Central)}' is niet geregistreerd; registreer ze eerst (POST /api/centrals).",
                $"La centrale d'achat '{InputChecks.Shorten(c.Central)}' n'est pas enregistrée ; enregistrez-la d'abord (POST /api/centrals)."));
        errors.AddRange(MembershipRules.CheckScope(c.Scope));
        if (c.DecisionDate > today || c.DecisionDate.Year < 2000)
            errors.Add(DomainError.Invalid("decision-date-invalid", "decisionDate",
                "De beslissing ligt in het verleden (of vandaag), niet voor 2000.", "La décision date d'aujourd'hui ou du passé, pas d'avant 2000."));
        if (c.End is { } end && end < c.Start)
            errors.Add(DomainError.Invalid("membership-period-invalid", "end",
                "Het einde van het lidmaatschap ligt na de start (of laat het weg voor onbepaalde duur).",
                "La fin de l'adhésion suit son début (ou omettez-la pour une durée indéterminée)."));
        if (c.NoticeMonths is < 0 or > MembershipRules.MaxNoticeMonths)
            errors.Add(DomainError.Invalid("notice-period-invalid", "noticeMonths",
                $"De opzegtermijn is 0 tot {MembershipRules.MaxNoticeMonths} maanden.", $"Le préavis est de 0 à {MembershipRules.MaxNoticeMonths} mois."));
        var refusals = errors.OfType<DomainError>().ToList();
        if (refusals.Count > 0)
            return Decision.Refuse(refusals);
        if (existing.FirstOrDefault(m => Overlaps(m, c.Start, c.End)) is { } overlapping)
            return DomainError.Conflict("membership-overlaps",
                $"{c.Administration} is al lid van {c.Central} van {Wording.Date(overlapping.Start, false)}{(overlapping.End is { } e ? $" tot {Wording.Date(e, false)}" : "")}; verleng of wijzig dat lidmaatschap.",
                $"{c.Administration} est déjà membre de {c.Central} depuis le {Wording.Date(overlapping.Start, true)}{(overlapping.End is { } f ? $" jusqu'au {Wording.Date(f, true)}" : "")} ; prolongez ou modifiez cette adhésion.");

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
            return DomainError.Conflict("membership-open-ended",
                "Dit lidmaatschap loopt al voor onbepaalde duur; er valt niets te verlengen (beëindigen kan met /end).",
                "Cette adhésion est déjà à durée indéterminée ; il n'y a rien à prolonger (pour y mettre fin : /end).");
        if (newEnd is { } end && m.End is { } current && end <= current)
            return DomainError.Invalid("renewal-end-invalid", "newEnd",
                $"Een verlenging eindigt na het huidige einde ({Wording.Date(current, false)}).", $"Une prolongation se termine après la fin actuelle ({Wording.Date(current, true)}).");
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
        var errors = new List<DomainError?> { InputChecks.MissingText(reason, "reason", 1000, "de reden", "la raison") };
        if (endsOn < m.Start || (m.End is { } end && endsOn > end))
            errors.Add(DomainError.Invalid("end-date-invalid", "endsOn",
                $"Het lidmaatschap kan maar eindigen tussen {Wording.Date(m.Start, false)} en {(m.End is null ? "nu en later" : Wording.Date(m.End, false))}.",
                $"L'adhésion ne peut prendre fin qu'entre le {Wording.Date(m.Start, true)} et le {(m.End is null ? "maintenant ou plus tard" : Wording.Date(m.End, true))}."));
        else if (endsOn < earliest)
            errors.Add(DomainError.Invalid("notice-too-short", "endsOn",
                $"Met een opzegtermijn van {m.NoticeMonths} maanden eindigt dit lidmaatschap ten vroegste op {Wording.Date(earliest, false)}.",
                $"Avec un préavis de {m.NoticeMonths} mois, cette adhésion prend fin au plus tôt le {Wording.Date(earliest, true)}."));
        var refusals = errors.OfType<DomainError>().ToList();
        if (refusals.Count > 0)
            return Decision.Refuse(refusals);
        return Decision.Accept(new MembershipEnded(m.Id, endsOn, reason.Trim(), actor, now));
    }

    private static DomainError? Ended(CentralMembership m) =>
        m.Terminated
            ? DomainError.Conflict("membership-ended",
                $"Dit lidmaatschap werd beëindigd op {Wording.Date(m.End, false)} ({m.EndReason}); word opnieuw lid met een nieuwe beslissing.",
                $"Cette adhésion a pris fin le {Wording.Date(m.End, true)} ({m.EndReason}) ; adhérez à nouveau par une nouvelle décision.")
            : null;

    private static bool Overlaps(CentralMembership m, DateOnly start, DateOnly? end) =>
        (m.End is null || start <= m.End) && (end is null || m.Start <= end);
}
