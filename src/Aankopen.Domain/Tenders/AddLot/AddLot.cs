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
            errors.Add(DomainError.Invalid("lot-number-invalid", "lotNumber"));
        if (errors.Count > 0)
            return Decision.Refuse(errors);
        if (tender.Lots.ContainsKey(number))
            return DomainError.Conflict("lot-exists", number, tender.Reference);
        if (tender.Lots.Count >= MaxLots)
            return DomainError.Conflict("too-many-lots", tender.Reference, MaxLots);

        var lot = command.Details.Normalised();
        return Decision.Accept(new LotAdded(tender.Id, number, lot.Title, lot.Cpv, lot.EstimatedValueExclVat, lot.VatRate, lot.Terms!,
            command.Actor, now));
    }
}
