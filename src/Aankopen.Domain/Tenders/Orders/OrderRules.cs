using Aankopen.Domain.Administrations;

namespace Aankopen.Domain.Tenders;

/// <summary>What placing an order and raising a ceiling both need: a framework that runs, with a share for the administration.</summary>
public static class OrderRules
{
    /// <param name="previousToo">A share in the period before the current one counts too (an order dated in it).</param>
    public static DomainError? NoFrameworkShare(JointTender tender, int lotNumber, Administration administration, bool previousToo = false)
    {
        if (TenderRules.LotMissing(tender, lotNumber) is { } missing)
            return missing;
        var lot = tender.Lots[lotNumber];
        if (lot.Status != LotStatus.Awarded || lot.Running is null)
            return DomainError.Conflict("order-lot-not-running", lotNumber);
        if (!lot.IsFramework)
            return DomainError.Conflict("order-not-framework", lotNumber);
        var name = Spoken.Names(administration.NameNl, administration.NameFr);
        if (lot.RunningShareOf(administration.Code) is null
            && !(previousToo && lot.Running.Previous?.Shares.Any(s => s.Administration == administration.Code) == true))
            return DomainError.Conflict("order-no-share", lotNumber, name);
        if (!lot.Award!.AwaitingDecision.Contains(administration.Code))
            return null;
        // Under a purchasing central the share waits for the lead's decision, not for one of its own.
        return tender.DecidesFor(administration.Code) == administration.Code
            ? DomainError.Conflict("order-awaits-decision", lotNumber, name)
            : DomainError.Conflict("order-awaits-lead-decision", lotNumber, name, tender.LeadAdministration);
    }
}
