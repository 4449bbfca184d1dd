using Aankopen.Domain.Administrations;

namespace Aankopen.Domain.Tenders;

/// <summary>What placing an order and raising a ceiling both need: a framework that runs, with a share for the administration.</summary>
public static class OrderRules
{
    public static DomainError? NoFrameworkShare(JointTender tender, int lotNumber, Administration administration)
    {
        if (TenderRules.LotMissing(tender, lotNumber) is { } missing)
            return missing;
        var lot = tender.Lots[lotNumber];
        if (lot.Status != LotStatus.Awarded || lot.Running is null)
            return DomainError.Conflict("order-lot-not-running", lotNumber);
        if (lot.Award!.Agreement != AgreementKind.Framework)
            return DomainError.Conflict("order-not-framework", lotNumber);
        var name = Spoken.Names(administration.NameNl, administration.NameFr);
        if (lot.RunningShareOf(administration.Code) is null)
            return DomainError.Conflict("order-no-share", lotNumber, name);
        return lot.Award.AwaitingDecision.Contains(administration.Code) ? DomainError.Conflict("order-awaits-decision", lotNumber, name) : null;
    }
}
