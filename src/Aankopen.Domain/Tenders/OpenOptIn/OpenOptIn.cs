namespace Aankopen.Domain.Tenders.OpenOptIn;

public sealed record OpenOptInCommand(string Actor);

public static class OpenOptInDecider
{
    /// <summary>A draft becomes visible to the invited administrations once it has lots and a deadline still ahead.</summary>
    public static Decision Decide(JointTender tender, OpenOptInCommand command, DateTimeOffset now)
    {
        if (TenderRules.Cancelled(tender) is { } cancelled)
            return cancelled;
        if (tender.Status != TenderStatus.Draft)
            return DomainError.Conflict("not-a-draft",
                $"De intekening voor {tender.Reference} werd al geopend.", $"L'adhésion au marché {tender.Reference} est déjà ouverte.");
        if (tender.Lots.IsEmpty)
            return DomainError.Conflict("no-lots",
                $"Voeg eerst minstens één perceel toe aan {tender.Reference}.", $"Ajoutez d'abord au moins un lot au marché {tender.Reference}.");
        if (now >= tender.OptInDeadline)
            return DomainError.Conflict("opt-in-deadline-passed",
                $"De intekentermijn van {tender.Reference} ({Wording.Moment(tender.OptInDeadline, false)}) is al voorbij; dit ontwerp kan niet meer geopend worden. Annuleer het en open een nieuwe opdracht.",
                $"Le délai d'adhésion du marché {tender.Reference} ({Wording.Moment(tender.OptInDeadline, true)}) est dépassé ; ce projet ne peut plus être ouvert. Annulez-le et ouvrez un nouveau marché.");
        return Decision.Accept(new OptInOpened(tender.Id, command.Actor, now));
    }
}
