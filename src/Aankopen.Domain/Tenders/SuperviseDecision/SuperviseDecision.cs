namespace Aankopen.Domain.Tenders.SuperviseDecision;

/// <param name="Reference">The supervising authority's own reference (the governor's decree).</param>
public sealed record SuperviseDecisionCommand(string Administration, int Number, SupervisionAct Act, DateOnly On, string Reference, string Actor);

public static class SuperviseDecisionDecider
{
    public static Decision Decide(JointTender tender, SuperviseDecisionCommand command, DateTimeOffset now)
    {
        if (TenderRules.Cancelled(tender) is { } cancelled)
            return cancelled;
        // Another administration's decision is not found, rather than refused: its numbers are not this one's business.
        if (tender.Decisions.Find(d => d.Number == command.Number && d.Administration == command.Administration) is not { } decision)
            return DomainError.NotFound("decision-not-found", command.Number, tender.Reference);

        var errors = new List<DomainError?>
        {
            InputChecks.MissingText(command.Reference, "reference", 100, "supervision-reference"),
            command.On > BrusselsCalendar.DateOf(now)
                ? DomainError.Invalid("decision-date-future", "on", Spoken.Date(command.On))
                : command.On < decision.DecidedOn
                    ? DomainError.Invalid("supervision-before-decision", "on", Spoken.Date(command.On), Spoken.Date(decision.DecidedOn))
                    // A suspension is lifted (or the decision annulled) after it was suspended, never before.
                    : command.On < decision.SupervisedOn
                        ? DomainError.Invalid("supervision-before-previous-act", "on", Spoken.Date(command.On), Spoken.Date(decision.SupervisedOn.Value))
                        : null,
        };
        var refusals = errors.OfType<DomainError>().ToList();
        if (refusals.Count > 0)
            return Decision.Refuse(refusals);

        // Suspended stays suspended until lifted or annulled; an annulment is final.
        var refusal = (decision.Standing, command.Act) switch
        {
            (DecisionStanding.InForce, SupervisionAct.Suspended or SupervisionAct.Annulled) => null,
            (DecisionStanding.Suspended, SupervisionAct.SuspensionLifted or SupervisionAct.Annulled) => null,
            (DecisionStanding.InForce, _) => DomainError.Conflict("supervision-not-possible/InForce", decision.Number, decision.Reference),
            (DecisionStanding.Suspended, _) => DomainError.Conflict("supervision-not-possible/Suspended", decision.Number, decision.Reference),
            _ => DomainError.Conflict("supervision-not-possible/Annulled", decision.Number, decision.Reference),
        };
        if (refusal is not null)
            return refusal;

        return Decision.Accept(new DecisionSupervised(tender.Id, decision.Number, decision.Administration, command.Act, command.On,
            command.Reference.Trim(), command.Actor, now));
    }
}
