namespace Aankopen.Domain.Tenders.TerminateLot;

/// <param name="Ground">Why the contract ends early; null is <see cref="TerminationGround.Other"/>.</param>
public sealed record TerminateLotCommand(int LotNumber, DateOnly EffectiveOn, string Reason, string Actor, TerminationGround? Ground = null);

public static class TerminateLotDecider
{
    public static Decision Decide(JointTender tender, TerminateLotCommand command, DateTimeOffset now)
    {
        if (TenderRules.LotMissing(tender, command.LotNumber) is { } missing)
            return missing;
        var lot = tender.Lots[command.LotNumber];
        if (lot.Status == LotStatus.Terminated)
            return DomainError.Conflict("lot-already-terminated",
                $"Perceel {lot.Number} werd al beëindigd op {Wording.Date(lot.TerminatedOn, false)}.",
                $"Le lot {lot.Number} a déjà été résilié le {Wording.Date(lot.TerminatedOn, true)}.");
        if (lot.Status != LotStatus.Awarded)
            return DomainError.Conflict("lot-not-running",
                $"Perceel {lot.Number} heeft geen lopend contract; alleen een gegund perceel kan beëindigd worden.",
                $"Le lot {lot.Number} n'a pas de contrat en cours ; seul un lot attribué peut être résilié.");

        // Ending early (for default, by mutual agreement, on bankruptcy) is not giving notice not to renew: it is
        // bound by the contract's period, not by the renewal's notice deadline.
        var award = lot.Award!;
        var end = lot.Running?.PeriodEnd ?? award.ContractEnd;
        var errors = new List<DomainError?>
        {
            InputChecks.MissingText(command.Reason, "reason", 1000, "de reden van de beëindiging", "le motif de la résiliation"),
        };
        if (command.EffectiveOn < award.ContractStart || command.EffectiveOn > end)
            errors.Add(DomainError.Invalid("termination-date-invalid", "effectiveOn",
                $"De beëindiging moet ingaan tijdens het contract ({Wording.Date(award.ContractStart, false)} tot {Wording.Date(end, false)}).",
                $"La résiliation doit prendre effet pendant le contrat (du {Wording.Date(award.ContractStart, true)} au {Wording.Date(end, true)})."));
        var refusals = errors.OfType<DomainError>().ToList();
        if (refusals.Count > 0)
            return Decision.Refuse(refusals);
        return Decision.Accept(new LotTerminated(tender.Id, lot.Number, command.EffectiveOn, command.Reason.Trim(), command.Actor, now,
            command.Ground ?? TerminationGround.Other));
    }
}
