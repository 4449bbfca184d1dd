using Aankopen.Domain.Administrations;

namespace Aankopen.Domain.Tenders.RecordDecision;

/// <param name="BodyName">The body's name in full, for <see cref="DecidingBody.Other"/> only.</param>
public sealed record RecordDecisionCommand(
    Administration Administration,
    DecisionKind Kind,
    int? LotNumber,
    int? Renewal,
    DecidingBody Body,
    string? BodyName,
    DateOnly DecidedOn,
    string Reference,
    string Actor);

public static class RecordDecisionDecider
{
    public static Decision Decide(JointTender tender, RecordDecisionCommand command, DateTimeOffset now)
    {
        var code = command.Administration.Code;
        if ((TenderRules.Cancelled(tender) ?? TenderRules.NotInvited(tender, code)) is { } refused)
            return refused;
        // Under a purchasing central only the lead's decisions count: one of another administration would decide nothing.
        if (tender.Arrangement == Arrangement.OnBehalf && code != tender.LeadAdministration)
            return DomainError.Conflict("decision-by-central", tender.Reference, tender.LeadAdministration,
                Spoken.Names(command.Administration.NameNl, command.Administration.NameFr));

        var errors = new List<DomainError?>
        {
            InputChecks.MissingText(command.Reference, "reference", 100, "decision-reference"),
            DecisionRules.BodyUnfit(command.Administration, command.Body, command.BodyName),
            command.DecidedOn > BrusselsCalendar.DateOf(now)
                ? DomainError.Invalid("decision-date-future", "decidedOn", Spoken.Date(command.DecidedOn))
                // A body approves the conditions shortly before the tender opens, never years before (nor on 1 January of year 1, a date left out).
                : command.DecidedOn < EarliestDecision(tender)
                    ? DomainError.Invalid("decision-date-too-early", "decidedOn", Spoken.Date(command.DecidedOn), Spoken.Date(EarliestDecision(tender)))
                    : null,
            DecisionRules.SubjectInvalid(tender, code, command.Kind, command.LotNumber, command.Renewal),
        };
        var refusals = errors.OfType<DomainError>().ToList();
        if (refusals.Count > 0)
            return Decision.Refuse(refusals);

        // An administration awards its share on the offers, which come after the tender's publication.
        if (command.Kind == DecisionKind.Award && tender.Status != TenderStatus.Published)
            return DomainError.Conflict("not-published", tender.Reference);
        if (tender.DecisionOf(code, command.Kind, command.LotNumber, command.Renewal) is { } earlier)
            return DomainError.Conflict("decision-already-recorded", earlier.Number, earlier.Reference, Spoken.Date(earlier.DecidedOn));
        // An administration awards its share on the conditions it approved: not before, nor while that approval is suspended.
        if (command.Kind == DecisionKind.Award && tender.GapIn(code, DecisionKind.Conditions) is { } conditions)
            return DecisionRules.ConditionsNotInForce(conditions, Spoken.Names(command.Administration.NameNl, command.Administration.NameFr));

        return Decision.Accept(new DecisionRecorded(tender.Id, tender.Decisions.Count + 1, code, command.Kind, command.LotNumber, command.Renewal,
            command.Body, command.Body == DecidingBody.Other ? command.BodyName!.Trim() : null, command.DecidedOn, command.Reference.Trim(),
            command.Actor, now));
    }

    private static DateOnly EarliestDecision(JointTender tender) => BrusselsCalendar.DateOf(tender.OpenedAt).AddYears(-1);
}
