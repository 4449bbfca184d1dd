using Aankopen.Api.Shared;

namespace Aankopen.Api.Tenders.AwardLot;

public sealed record AwardLotCommand(
    int LotNumber,
    string SupplierName,
    string SupplierEnterpriseNumber,
    decimal AwardedAmountExclVat,
    DateOnly ContractStart,
    DateOnly ContractEnd,
    string Actor);

public static class AwardLotDecider
{
    public static Decision Decide(JointTender tender, AwardLotCommand command, DateTimeOffset now)
    {
        if (TenderRules.LotMissing(tender, command.LotNumber) is { } missing)
            return missing;
        if (tender.Status != TenderStatus.OptInClosed)
            return DomainError.Conflict("opt-in-still-open",
                $"Sluit eerst de intekening van {tender.Reference} af: pas dan liggen de deelnemers van elk perceel vast.",
                $"Clôturez d'abord l'adhésion au marché {tender.Reference} : les participants de chaque lot seront alors fixés.");

        var lot = tender.Lots[command.LotNumber];
        if (lot.Status == LotStatus.Dropped)
            return DomainError.Conflict("lot-dropped",
                $"Perceel {lot.Number} is vervallen omdat geen enkel bestuur intekende; het kan niet gegund worden.",
                $"Le lot {lot.Number} a été abandonné faute d'adhésion ; il ne peut pas être attribué.");
        if (lot.Status == LotStatus.Awarded)
            return DomainError.Conflict("lot-already-awarded",
                $"Perceel {lot.Number} is al gegund aan {lot.Award!.SupplierName}.",
                $"Le lot {lot.Number} est déjà attribué à {lot.Award!.SupplierName}.");

        var errors = new List<DomainError?>
        {
            TenderRules.MissingText(command.SupplierName, "supplierName", 200, "de naam van de leverancier", "le nom du fournisseur"),
            TenderRules.NotPositiveAmount(command.AwardedAmountExclVat, "awardedAmountExclVat"),
        };
        EnterpriseNumber.TryParse(command.SupplierEnterpriseNumber, out var supplierNumber);
        if (supplierNumber is null)
            errors.Add(DomainError.Invalid("enterprise-number-invalid", "supplierEnterpriseNumber",
                $"'{command.SupplierEnterpriseNumber}' is geen geldig ondernemingsnummer: tien cijfers, beginnend met 0 of 1, met kloppend controlegetal (0123.456.749).",
                $"'{command.SupplierEnterpriseNumber}' n'est pas un numéro d'entreprise valide : dix chiffres commençant par 0 ou 1, avec un chiffre de contrôle correct (0123.456.749)."));
        if (command.ContractEnd <= command.ContractStart)
            errors.Add(DomainError.Invalid("contract-period-invalid", "contractEnd",
                "Het einde van het contract moet na de start liggen.", "La fin du contrat doit suivre son début."));

        var refusals = errors.OfType<DomainError>().ToList();
        if (refusals.Count > 0)
            return Decision.Refuse(refusals);

        var amountInclVat = Money.InclVat(command.AwardedAmountExclVat, lot.VatRate);
        return Decision.Accept(new LotAwarded(tender.Id, lot.Number, command.SupplierName.Trim(), supplierNumber!.Value.ToString(),
            command.AwardedAmountExclVat, lot.VatRate, amountInclVat, command.ContractStart, command.ContractEnd,
            SplitShares(tender, lot, command.AwardedAmountExclVat, amountInclVat), command.Actor, now));
    }

    /// <summary>
    /// Proportional to the opt-in estimates, in the order the administrations were invited (which decides who gets
    /// a leftover cent). Excl. and incl. VAT are each split from their own total, so both columns add up exactly.
    /// </summary>
    private static IReadOnlyList<AwardShare> SplitShares(JointTender tender, Lot lot, decimal totalExclVat, decimal totalInclVat)
    {
        var participants = lot.OptIns.OrderBy(o => tender.InvitedAdministrations.IndexOf(o.Administration)).ToArray();
        var weights = participants.Select(o => o.EstimatedAmountExclVat).ToArray();
        var exclVat = LargestRemainder.Split(totalExclVat, weights);
        var inclVat = LargestRemainder.Split(totalInclVat, weights);
        return participants.Select((o, i) => new AwardShare(o.Administration, exclVat[i], inclVat[i], o.BudgetLine)).ToArray();
    }
}
