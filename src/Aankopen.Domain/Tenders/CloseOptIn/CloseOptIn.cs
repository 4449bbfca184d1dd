namespace Aankopen.Domain.Tenders.CloseOptIn;

public sealed record CloseOptInCommand(string Actor);

public static class CloseOptInDecider
{
    /// <summary>Closing is allowed before the deadline too: the purchasing cell may close once everyone has answered.</summary>
    public static Decision Decide(JointTender tender, CloseOptInCommand command, DateTimeOffset now)
    {
        if (TenderRules.CloseIfDeadlinePassed(tender, now).Closing is { Count: > 0 } atDeadline)
            return Decision.Accept([.. atDeadline]);
        if (TenderRules.Cancelled(tender) is { } cancelled)
            return cancelled;
        if (tender.Status == TenderStatus.Draft)
            return DomainError.Conflict("tender-draft",
                $"Opdracht {tender.Reference} is nog een ontwerp; open eerst de intekening.",
                $"Le marché {tender.Reference} est encore un projet ; ouvrez d'abord l'adhésion.");
        if (tender.Status != TenderStatus.OpenForOptIn)
            return DomainError.Conflict("opt-in-already-closed",
                $"De intekening voor {tender.Reference} is al afgesloten.",
                $"L'adhésion au marché {tender.Reference} est déjà clôturée.");

        return Decision.Accept(new OptInClosed(tender.Id, TenderRules.DroppedLots(tender), AtDeadline: false, command.Actor, now));
    }
}
