using Aankopen.Api.Shared;

namespace Aankopen.Api.Tenders.AddLot;

public sealed record AddLotCommand(
    int? LotNumber,
    string Title,
    string Cpv,
    decimal EstimatedValueExclVat,
    decimal VatRate,
    string Actor);

public static class AddLotDecider
{
    public static Decision Decide(JointTender tender, AddLotCommand command, DateTimeOffset now)
    {
        if (TenderRules.NotOpenForOptIn(tender, now) is { } closed)
            return closed;

        var number = command.LotNumber ?? (tender.Lots.IsEmpty ? 1 : tender.Lots.Keys.Max() + 1);
        var errors = new List<DomainError?>
        {
            TenderRules.MissingText(command.Title, "title", 200, "een omschrijving van het perceel", "une description du lot"),
            TenderRules.NotPositiveAmount(command.EstimatedValueExclVat, "estimatedValueExclVat"),
        };
        if (number < 1)
            errors.Add(DomainError.Invalid("lot-number-invalid", "lotNumber",
                "Een perceelnummer is 1 of hoger.", "Un numéro de lot vaut 1 ou plus."));
        if (!CpvCode.TryParse(command.Cpv, out _))
            errors.Add(TenderRules.InvalidCpv(command.Cpv, "cpv"));
        if (!Money.BelgianVatRates.Contains(command.VatRate))
            errors.Add(DomainError.Invalid("vat-rate-invalid", "vatRate",
                $"Btw-tarief {command.VatRate} % bestaat niet; kies 0, 6, 12 of 21.",
                $"Le taux de TVA {command.VatRate} % n'existe pas ; choisissez 0, 6, 12 ou 21."));

        var refusals = errors.OfType<DomainError>().ToList();
        if (refusals.Count > 0)
            return Decision.Refuse(refusals);
        if (tender.Lots.ContainsKey(number))
            return DomainError.Conflict("lot-exists",
                $"Perceel {number} bestaat al in {tender.Reference}; laat het nummer weg om het volgende vrije te krijgen.",
                $"Le lot {number} existe déjà dans {tender.Reference} ; omettez le numéro pour obtenir le suivant.");

        return Decision.Accept(new LotAdded(tender.Id, number, command.Title.Trim(), command.Cpv.Trim(),
            command.EstimatedValueExclVat, command.VatRate, command.Actor, now));
    }
}
