using Aankopen.Domain.Administrations;

namespace Aankopen.Domain.Tenders;

/// <summary>What recording a decision and awarding a share both check about an administration's decisions.</summary>
public static class DecisionRules
{
    /// <summary>
    /// A municipality decides through its council or its college, an OCMW through its council for social welfare or
    /// its standing bureau (organic law of 8 July 1976); any administration may name another body (a delegation).
    /// </summary>
    public static DomainError? BodyUnfit(Administration administration, DecidingBody body, string? bodyName)
    {
        if (body == DecidingBody.Other)
            return InputChecks.MissingText(bodyName, "bodyName", 200, "decision-body");
        var fits = administration.Kind switch
        {
            AdministrationKind.City => body is DecidingBody.MunicipalCouncil or DecidingBody.College,
            AdministrationKind.Ocmw => body is DecidingBody.SocialWelfareCouncil or DecidingBody.StandingBureau,
            _ => false,
        };
        return fits ? null : DomainError.Invalid("decision-body-unfit", "body", body.ToString(), Spoken.Names(administration.NameNl, administration.NameFr));
    }

    /// <summary>The conditions concern the whole tender; an award a lot the administration takes part in; a renewal one that its contract allows.</summary>
    public static DomainError? SubjectInvalid(JointTender tender, string administration, DecisionKind kind, int? lotNumber, int? renewal)
    {
        if (kind == DecisionKind.Conditions)
            return lotNumber is not null ? DomainError.Invalid("decision-conditions-whole-tender", "lotNumber")
                : renewal is not null ? DomainError.Invalid("decision-conditions-whole-tender", "renewal") : null;
        if (lotNumber is not { } number)
            return DomainError.Invalid("decision-lot-required", "lotNumber");
        if (kind == DecisionKind.Award && renewal is not null)
            return DomainError.Invalid("decision-renewal-unexpected", "renewal");
        if (!tender.Lots.TryGetValue(number, out var lot))
            return DomainError.Invalid("decision-lot-unknown", "lotNumber", number, tender.Reference);
        var share = lot.HasAwardShare(administration);
        // A purchasing central awards every lot it buys for, whether or not it takes a share itself.
        var central = tender.Arrangement == Arrangement.OnBehalf && tender.LeadAdministration == administration
            && (lot.Award is not null || (lot.Status == LotStatus.Open && lot.OptIns.Count > 0));
        if (kind == DecisionKind.Award)
            return share || central || (lot.Status == LotStatus.Open && lot.OptInOf(administration) is not null)
                ? null
                : DomainError.Invalid("decision-lot-not-taken", "lotNumber", number);
        if (!(share || central) || lot.Running is not { } running)
            return DomainError.Invalid("decision-lot-not-running", "lotNumber", number);
        if (renewal is not { } n)
            return DomainError.Invalid("decision-renewal-required", "renewal");
        if (n < 1 || n > running.PossibleRenewals)
            return DomainError.Invalid("decision-renewal-invalid", "renewal", renewal, running.PossibleRenewals);
        // A terminated or ended contract is renewed no more: a renewal that ran may still have its decision recorded
        // (after the fact), a later one not.
        return lot.Status is LotStatus.Terminated or LotStatus.Ended && n > running.Renewals
            ? DomainError.Invalid("decision-lot-not-running", "lotNumber", number)
            : null;
    }

    /// <param name="name">The administration as the reader knows it (its name in the reader's language).</param>
    public static DomainError ConditionsNotInForce(DecisionGap conditions, Spoken name) =>
        conditions.Standing switch
        {
            DecisionStanding.Suspended => DomainError.Conflict("decision-conditions-suspended", name),
            DecisionStanding.Annulled => DomainError.Conflict("decision-conditions-annulled", name),
            _ => DomainError.Conflict("decision-conditions-missing", name),
        };
}
