using Aankopen.Api.Shared;

namespace Aankopen.Api.Tenders.TerminateLot;

public sealed record TerminateLotCommand(int LotNumber, DateOnly EffectiveOn, string Reason, string Actor);

public static class TerminateLotDecider
{
    public static Decision Decide(JointTender tender, TerminateLotCommand command, DateTimeOffset now)
    {
        if (TenderRules.LotMissing(tender, command.LotNumber) is { } missing)
            return missing;
        var lot = tender.Lots[command.LotNumber];
        if (lot.Status == LotStatus.Terminated)
            return DomainError.Conflict("lot-already-terminated",
                $"Perceel {lot.Number} werd al beëindigd op {lot.TerminatedOn:yyyy-MM-dd}.",
                $"Le lot {lot.Number} a déjà été résilié le {lot.TerminatedOn:yyyy-MM-dd}.");
        if (lot.Status != LotStatus.Awarded)
            return DomainError.Conflict("lot-not-running",
                $"Perceel {lot.Number} heeft geen lopend contract; alleen een gegund perceel kan beëindigd worden.",
                $"Le lot {lot.Number} n'a pas de contrat en cours ; seul un lot attribué peut être résilié.");

        if (Renewals.RenewalDeciders.PastNotice(lot, now) is { } late)
            return late;
        var award = lot.Award!;
        var end = lot.Running?.PeriodEnd ?? award.ContractEnd;
        var errors = new List<DomainError?>
        {
            TenderRules.MissingText(command.Reason, "reason", 1000, "de reden van de beëindiging", "le motif de la résiliation"),
        };
        if (command.EffectiveOn < award.ContractStart || command.EffectiveOn > end)
            errors.Add(DomainError.Invalid("termination-date-invalid", "effectiveOn",
                $"De beëindiging moet ingaan tijdens het contract ({award.ContractStart:yyyy-MM-dd} tot {end:yyyy-MM-dd}).",
                $"La résiliation doit prendre effet pendant le contrat (du {award.ContractStart:yyyy-MM-dd} au {end:yyyy-MM-dd})."));
        var refusals = errors.OfType<DomainError>().ToList();
        if (refusals.Count > 0)
            return Decision.Refuse(refusals);
        return Decision.Accept(new LotTerminated(tender.Id, lot.Number, command.EffectiveOn, command.Reason.Trim(), command.Actor, now));
    }
}
