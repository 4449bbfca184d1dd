namespace Aankopen.Domain.Tenders.AddLot;

public sealed record AddLotCommand(int? LotNumber, LotDetails Details, string Actor);

public static class AddLotDecider
{
    /// <summary>Tenders of local governments have a handful of lots; a few hundred means a runaway client.</summary>
    public const int MaxLots = 200;

    public static Decision Decide(JointTender tender, AddLotCommand command, DateTimeOffset now)
    {
        if (TenderRules.LotsFrozen(tender, now) is { } frozen)
            return frozen;

        var number = command.LotNumber ?? (tender.Lots.IsEmpty ? 1 : tender.Lots.Keys.Max() + 1);
        var errors = command.Details.Check().ToList();
        if (number is < 1 or > 999)
            errors.Add(DomainError.Invalid("lot-number-invalid", "lotNumber",
                "Een perceelnummer ligt tussen 1 en 999.", "Un numéro de lot est compris entre 1 et 999."));
        if (errors.Count > 0)
            return Decision.Refuse(errors);
        if (tender.Lots.ContainsKey(number))
            return DomainError.Conflict("lot-exists",
                $"Perceel {number} bestaat al in {tender.Reference}; laat het nummer weg om het volgende vrije te krijgen.",
                $"Le lot {number} existe déjà dans {tender.Reference} ; omettez le numéro pour obtenir le suivant.");
        if (tender.Lots.Count >= MaxLots)
            return DomainError.Conflict("too-many-lots",
                $"{tender.Reference} heeft al {MaxLots} percelen, het maximum.", $"{tender.Reference} compte déjà {MaxLots} lots, le maximum.");

        var lot = command.Details.Normalised();
        return Decision.Accept(new LotAdded(tender.Id, number, lot.Title, lot.Cpv, lot.EstimatedValueExclVat, lot.VatRate, lot.Terms!,
            command.Actor, now));
    }
}
