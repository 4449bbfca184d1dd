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
            return DomainError.Conflict("lot-already-terminated", lot.Number, Spoken.Date(lot.TerminatedOn));
        if (lot.Status != LotStatus.Awarded)
            return DomainError.Conflict("lot-not-running/terminate", lot.Number);

        // Ending early (for default, by mutual agreement, on bankruptcy) is not giving notice not to renew: it is
        // bound by the contract's period, not by the renewal's notice deadline.
        var award = lot.Award!;
        var end = lot.Running?.PeriodEnd ?? award.ContractEnd;
        var errors = new List<DomainError?>
        {
            InputChecks.MissingText(command.Reason, "reason", 1000, "termination-reason"),
        };
        if (command.EffectiveOn < award.ContractStart || command.EffectiveOn > end)
            errors.Add(DomainError.Invalid("termination-date-invalid", "effectiveOn", Spoken.Date(award.ContractStart), Spoken.Date(end)));
        var refusals = errors.OfType<DomainError>().ToList();
        if (refusals.Count > 0)
            return Decision.Refuse(refusals);
        return Decision.Accept(new LotTerminated(tender.Id, lot.Number, command.EffectiveOn, command.Reason.Trim(), command.Actor, now,
            command.Ground ?? TerminationGround.Other));
    }
}
