namespace Aankopen.Domain.Tenders.ChangeLot;

public sealed record ChangeLotCommand(int LotNumber, LotDetails Details, string Actor);

public static class ChangeLotDecider
{
    /// <summary>Opt-ins stay: administrations that opted in see the new description and may change or withdraw.</summary>
    public static Decision Decide(JointTender tender, ChangeLotCommand command, DateTimeOffset now)
    {
        if (TenderRules.LotMissing(tender, command.LotNumber) is { } missing)
            return missing;
        if (TenderRules.LotsFrozen(tender, now) is { } frozen)
            return frozen;
        var errors = command.Details.Check();
        if (errors.Count > 0)
            return Decision.Refuse(errors);

        var lot = command.Details.Normalised();
        return Decision.Accept(new LotChanged(tender.Id, command.LotNumber, lot.Title, lot.Cpv, lot.EstimatedValueExclVat, lot.VatRate,
            lot.Terms!, command.Actor, now));
    }
}
