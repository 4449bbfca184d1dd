namespace Aankopen.Domain.Tenders.CancelTender;

public sealed record CancelTenderCommand(string Reason, string Actor);

public static class CancelTenderDecider
{
    /// <summary>Only before any award: once a contract exists, its lot is terminated instead.</summary>
    public static Decision Decide(JointTender tender, CancelTenderCommand command, DateTimeOffset now)
    {
        if (TenderRules.Cancelled(tender) is { } cancelled)
            return cancelled;
        if (tender.Lots.Values.FirstOrDefault(l => l.Award is not null) is { } awarded)
            return DomainError.Conflict("already-awarded",
                $"Perceel {awarded.Number} van {tender.Reference} is al gegund; een gegunde opdracht annuleer je niet, je beëindigt de percelen.",
                $"Le lot {awarded.Number} du marché {tender.Reference} est déjà attribué ; un marché attribué ne s'annule pas, on résilie ses lots.");
        if (InputChecks.MissingText(command.Reason, "reason", 1000, "de reden van de annulering", "le motif de l'annulation") is { } reason)
            return reason;
        return Decision.Accept(new TenderCancelled(tender.Id, command.Reason.Trim(), command.Actor, now));
    }
}
